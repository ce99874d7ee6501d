// The properties panel packages ship no types: what this app uses of them.
declare module '@bpmn-io/properties-panel' {
  import type { ComponentType } from '@bpmn-io/properties-panel/preact';

  type Entry = ComponentType<Record<string, unknown>>;
  export const TextFieldEntry: Entry;
  export const SelectEntry: Entry;
  export const isTextFieldEntryEdited: (node: unknown) => boolean;
  export const isSelectEntryEdited: (node: unknown) => boolean;
}

declare module 'bpmn-js-properties-panel' {
  import type BaseViewer from 'bpmn-js/lib/BaseViewer';

  type Module = ReturnType<BaseViewer['getModules']>[number];
  export const BpmnPropertiesPanelModule: Module;
  export const BpmnPropertiesProviderModule: Module;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}
