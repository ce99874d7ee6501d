// bpmn-moddle's package exports no types for its entry, bpmn-js-differ ships none: what the designer uses of them.
declare module 'bpmn-moddle' {
  export interface ModdleProperty {
    readonly name: string;
    readonly type?: string;
    readonly default?: unknown;
    readonly isAttr?: boolean;
    readonly isMany?: boolean;
    readonly isReference?: boolean;
    readonly isVirtual?: boolean;
  }
  export interface ModdleDescriptor {
    readonly name: string;
    readonly isGeneric?: boolean;
    readonly properties: readonly ModdleProperty[];
    readonly propertiesByName: Readonly<Record<string, ModdleProperty>>;
  }
  export interface ModdleElement {
    readonly $type: string;
    readonly $descriptor: ModdleDescriptor;
    readonly $attrs?: Readonly<Record<string, string>>;
    readonly $parent?: ModdleElement;
    readonly id?: string;
    readonly [key: string]: unknown;
    get(name: string): unknown;
  }
  export interface ParseResult {
    readonly rootElement: ModdleElement;
    readonly warnings: readonly { readonly message: string }[];
    readonly elementsById: Readonly<Record<string, ModdleElement>>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    getType(name: string): { readonly $descriptor: ModdleDescriptor };
    getPackages(): readonly { readonly prefix: string; readonly uri: string }[];
  }
}

declare module 'bpmn-js-differ' {
  import type { ModdleElement } from 'bpmn-moddle';
  export interface ChangeSet {
    readonly _added: Readonly<Record<string, ModdleElement>>;
    readonly _removed: Readonly<Record<string, ModdleElement>>;
    readonly _changed: Readonly<Record<string, { readonly model: ModdleElement; readonly attrs: Readonly<Record<string, unknown>> }>>;
    readonly _layoutChanged: Readonly<Record<string, ModdleElement>>;
  }
  export function diff(a: ModdleElement, b: ModdleElement): ChangeSet;
}
