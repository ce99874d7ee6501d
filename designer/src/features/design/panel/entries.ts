import { isSelectEntryEdited, isTextFieldEntryEdited, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { MessageKey } from '../../../i18n/index.tsx';
import { CATALOG_CONFIG, type Choice, type PanelCatalog } from './catalog.ts';
import { type DiagramElement, extensionAttribute, type Services, setExtension } from './extensions.ts';
import { type FeelMode, useFeelProblem } from './feelCheck.ts';

/** One attribute of one sz: extension, and how the panel edits it. */
export interface AttributeSpec {
  /** The extension type, `sz:Approval`. */
  readonly type: string;
  /** Every property of that type, to tell when it has become empty. */
  readonly names: readonly string[];
  readonly name: string;
  readonly label: MessageKey;
  readonly hint?: MessageKey;
  /** FEEL the server checks as it is typed. */
  readonly feel?: FeelMode;
  /** A check done here, before anything is written: the message key of what is wrong. */
  readonly validate?: (value: string) => MessageKey | undefined;
  /** Choices, for a picker; a value already there that is not among them stays choosable. */
  readonly choices?: (catalog: PanelCatalog, element: DiagramElement) => readonly Choice[];
  /** The attribute's value from the text or choice (a form version is a number). */
  readonly parse?: (value: string) => unknown;
  /** What else to set with it (choosing another form drops the old form's field rules). */
  readonly alongside?: (value: string) => Record<string, unknown>;
}

interface EntryProps {
  readonly element: DiagramElement;
  readonly id: string;
  readonly spec: AttributeSpec;
}

export function usePanel() {
  return {
    catalog: useService<PanelCatalog>(CATALOG_CONFIG),
    services: useService<Services>('injector'),
    debounce: useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput'),
  };
}

/** The server's problem (or the hint) under the field, where a browser and a screen reader find it. */
export function describe(problem: string | undefined, hint: string | undefined) {
  if (problem) return h('span', { class: 'sz-problem', role: 'alert', 'data-testid': 'feel-problem' }, problem);
  return hint;
}

function AttributeEntry({ element, id, spec }: EntryProps) {
  const { catalog, services, debounce } = usePanel();
  const value = extensionAttribute(element, spec.type, spec.name);
  const problem = useFeelProblem(catalog, value, spec.feel);
  const setValue = (next: string | undefined) =>
    setExtension(services, element, spec.type, spec.names, {
      [spec.name]: next ? (spec.parse?.(next) ?? next) : '',
      ...spec.alongside?.(next ?? ''),
    });
  const common = {
    element,
    id,
    label: catalog.t(spec.label),
    description: describe(problem, spec.hint && catalog.t(spec.hint)),
    getValue: () => value,
    setValue,
  };
  if (spec.choices) {
    const choices = spec.choices(catalog, element);
    const known = value === '' || choices.some((c) => c.value === value);
    const options = [{ value: '', label: catalog.t('design.choose.none') }, ...choices, ...(known ? [] : [{ value, label: value }])];
    return h(SelectEntry, { ...common, getOptions: () => options });
  }
  const validate = spec.validate;
  return h(TextFieldEntry, {
    ...common,
    debounce,
    ...(validate ? { validate: (v: string) => (v ? validate(v) && catalog.t(validate(v) as MessageKey) : undefined) } : {}),
  });
}

/** A properties-panel entry editing one attribute of an sz: extension. */
export function attributeEntry(element: DiagramElement, spec: AttributeSpec) {
  const id = `sz-${spec.type.slice(3).toLowerCase()}-${spec.name}`;
  return {
    id,
    element,
    spec,
    component: AttributeEntry,
    isEdited: spec.choices ? isSelectEntryEdited : isTextFieldEntryEdited,
  };
}

/** A list attribute (`members`, `candidateUsers`) that a picker adds names to, comma-separated as the engine reads them. */
export interface ListPickerSpec {
  readonly type: string;
  readonly names: readonly string[];
  readonly name: string;
  readonly label: MessageKey;
}

function ListPicker({ element, id, spec }: { element: DiagramElement; id: string; spec: ListPickerSpec }) {
  const { catalog, services } = usePanel();
  const current = extensionAttribute(element, spec.type, spec.name);
  const listed = current
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // FEEL or a role names nobody to add to: the picker is for a list of usernames only.
  const disabled = current.trim().startsWith('=') || current.includes('role:');
  const options = [{ value: '', label: catalog.t('design.pick') }, ...catalog.users.filter((u) => !listed.includes(u.value))];
  return h(SelectEntry, {
    element,
    id,
    label: catalog.t(spec.label),
    disabled,
    getValue: () => '',
    getOptions: () => options,
    setValue: (username: string) =>
      username && setExtension(services, element, spec.type, spec.names, { [spec.name]: [...listed, username].join(', ') }),
  });
}

/** A properties-panel entry that adds a person, by username, to a list attribute. */
export function listPickerEntry(element: DiagramElement, spec: ListPickerSpec) {
  return { id: `sz-${spec.type.slice(3).toLowerCase()}-${spec.name}-add`, element, spec, component: ListPicker, isEdited: () => false };
}
