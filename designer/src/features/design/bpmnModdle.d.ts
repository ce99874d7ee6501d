// What the designer uses of bpmn-moddle beyond the engine's declaration (packages/engine/src/compile/moddle.d.ts,
// merged with this one), and of bpmn-js-differ, which ships no types.
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
  interface ModdleElement {
    readonly $descriptor: ModdleDescriptor;
    get(name: string): unknown;
  }
  interface BpmnModdle {
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
