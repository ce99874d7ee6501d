/**
 * The form builder's state: a tree of fields, converted to the JSON Schema 2020-12 + uiSchema the
 * server stores and back. What the builder edits is modelled; every other keyword a schema made
 * elsewhere carries is kept beside the field as it came (`schemaRest`, `uiRest`), so opening a
 * form and publishing it again changes only what the designer changed.
 */

export const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The field types of packages/forms a designer picks from the palette. */
export const FIELD_KINDS = [
  'text',
  'textarea',
  'number',
  'integer',
  'money',
  'boolean',
  'date',
  'datetime',
  'choice',
  'multiChoice',
  'mobile',
  'idNumber',
  'uscc',
  'email',
  'attachment',
  'attachments',
  'member',
  'section',
  'group',
] as const;

export type PaletteKind = (typeof FIELD_KINDS)[number];
/** `unsupported`: a field of a schema made elsewhere that no palette type shows; kept whole. */
export type FieldKind = PaletteKind | 'unsupported';

export interface ChoiceOption {
  readonly value: string;
  readonly zh: string;
  readonly en: string;
}

/** Fields inside an object: the form itself, a section, or each row of a repeating group. */
export interface Container {
  readonly fields: readonly Field[];
  /** Whether the schema writes `properties` while it has no fields (a new section does; `{ type: object }` does not). */
  readonly declared: boolean;
  /** The schema's own `required` list as it came, so its order survives a round trip. */
  readonly requiredOrder?: readonly string[];
  /** Names `required` lists that are not fields: JSON Schema allows it, so they are kept. */
  readonly requiredOthers: readonly string[];
  /** Whether the uiSchema orders these fields with `ui:order`; entries naming no field ('*') are kept. */
  readonly order?: { readonly others: readonly string[] };
}

export interface Field {
  /** The builder's handle for selection and dragging; never written. */
  readonly id: string;
  readonly name: string;
  readonly kind: FieldKind;
  readonly title: string;
  readonly titleEn: string;
  readonly help: string;
  readonly helpEn: string;
  readonly required: boolean;
  /** Lengths for text, values for numbers, counts for lists. */
  readonly min?: number;
  readonly max?: number;
  readonly default?: unknown;
  readonly options: readonly ChoiceOption[];
  /** A repeating group filled as a table (子表), a row per record. */
  readonly table: boolean;
  /** Sections and repeating groups hold fields. */
  readonly inner?: Container;
  readonly schemaRest: Readonly<Record<string, unknown>>;
  readonly uiRest: Readonly<Record<string, unknown>>;
  /** A field whose schema is not an object (`true`, `false`): kept as it is. */
  readonly literal?: boolean;
  /** A repeating group's row schema beyond its fields (its title, additionalProperties). */
  readonly itemRest?: Readonly<Record<string, unknown>>;
}

export interface FormModel {
  readonly root: Container;
  readonly schemaRest: Readonly<Record<string, unknown>>;
  readonly uiRest: Readonly<Record<string, unknown>>;
}

export interface Definition {
  readonly schema: Record<string, unknown>;
  readonly uiSchema: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** The keywords a field's lower and upper bound are written as. */
export type BoundKey = 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems';
type Bounds = readonly [BoundKey, BoundKey];

/** What a kind writes besides its title and bounds. */
interface KindShape {
  readonly type: string;
  readonly format?: string;
  readonly widget?: string;
  readonly bounds?: Bounds;
}

const LENGTH: Bounds = ['minLength', 'maxLength'];
const VALUE: Bounds = ['minimum', 'maximum'];
const COUNT: Bounds = ['minItems', 'maxItems'];

const SHAPES: Record<Exclude<PaletteKind, 'choice' | 'multiChoice' | 'section' | 'group' | 'attachments'>, KindShape> = {
  text: { type: 'string', bounds: LENGTH },
  textarea: { type: 'string', widget: 'textarea', bounds: LENGTH },
  number: { type: 'number', bounds: VALUE },
  integer: { type: 'integer', bounds: VALUE },
  money: { type: 'number', widget: 'money', bounds: VALUE },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  mobile: { type: 'string', format: 'cn-mobile' },
  idNumber: { type: 'string', format: 'cn-id' },
  uscc: { type: 'string', format: 'cn-uscc' },
  email: { type: 'string', format: 'email', bounds: LENGTH },
  attachment: { type: 'string', format: 'attachment' },
  member: { type: 'string', widget: 'member' },
};

/** Keywords that make a field more than any palette type shows. */
const BEYOND = [
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'const',
  'patternProperties',
  'dependentSchemas',
  'prefixItems',
];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function without(node: Json, keys: readonly string[]): Json {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !keys.includes(k)));
}

let counter = 0;
/** A fresh handle for a field (selection, drag and drop); unique within the page. */
export function newId(): string {
  counter += 1;
  return `f${counter}`;
}

export function boundKeys(kind: FieldKind): Bounds | undefined {
  if (kind === 'multiChoice' || kind === 'attachments' || kind === 'group') return COUNT;
  if (kind === 'choice' || kind === 'section' || kind === 'unsupported') return undefined;
  return SHAPES[kind].bounds;
}

// ---------------------------------------------------------------- reading

/** The builder's model of a form's schema and uiSchema. */
export function fromDefinition(schema: Json, uiSchema: Json = {}): FormModel {
  const root = readContainer(schema, uiSchema);
  return {
    root,
    schemaRest: without(schema, ['type', 'properties', 'required']),
    uiRest: without(uiSchema, ['ui:order', ...root.fields.map((f) => f.name)]),
  };
}

function readContainer(schema: Json, ui: Json): Container {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : undefined;
  const names = Object.keys(properties);
  const listed = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]) : undefined;
  const ordered = listed ? [...listed.filter((n) => names.includes(n)), ...names.filter((n) => !listed.includes(n))] : names;
  return {
    fields: ordered.map((name) => readField(name, properties[name], isObject(ui[name]) ? ui[name] : {}, required?.includes(name) ?? false)),
    declared: isObject(schema.properties),
    ...(required ? { requiredOrder: required } : {}),
    requiredOthers: (required ?? []).filter((n) => !names.includes(n)),
    ...(listed ? { order: { others: listed.filter((n) => !names.includes(n)) } } : {}),
  };
}

function kindOf(schema: Json, ui: Json): FieldKind {
  if (BEYOND.some((k) => k in schema)) return 'unsupported';
  const widget = ui['ui:widget'];
  const items = schema.items;
  switch (schema.type) {
    case 'string': {
      if (Array.isArray(schema.enum))
        return schema.enum.every((v) => typeof v === 'string') && !('format' in schema) ? 'choice' : 'unsupported';
      const match = Object.entries(SHAPES).find(([, s]) => s.type === 'string' && s.format === schema.format && s.widget === widget);
      if (match) return match[0] as FieldKind;
      return schema.format === undefined && widget === undefined ? 'text' : 'unsupported';
    }
    case 'number':
      if ('enum' in schema) return 'unsupported';
      return widget === 'money' ? 'money' : widget === undefined ? 'number' : 'unsupported';
    case 'integer':
      return 'enum' in schema || widget !== undefined ? 'unsupported' : 'integer';
    case 'boolean':
      return 'boolean';
    case 'object':
      return isObject(schema.properties) ? 'section' : 'unsupported';
    case 'array': {
      if (!isObject(items) || BEYOND.some((k) => k in items)) return 'unsupported';
      const itemKeys = Object.keys(items).sort().join(',');
      if (
        items.type === 'string' &&
        itemKeys === 'enum,type' &&
        Array.isArray(items.enum) &&
        items.enum.every((v) => typeof v === 'string')
      )
        return 'multiChoice';
      if (itemKeys === 'format,type' && items.type === 'string' && items.format === 'attachment') return 'attachments';
      if (items.type === 'object' && isObject(items.properties)) return 'group';
      return 'unsupported';
    }
    default:
      return 'unsupported';
  }
}

interface EnglishUi {
  readonly title?: string;
  readonly help?: string;
  readonly options?: Readonly<Record<string, string>>;
}

function readField(name: string, raw: unknown, ui: Json, required: boolean): Field {
  const schema = isObject(raw) ? raw : {};
  const kind = isObject(raw) ? kindOf(schema, ui) : 'unsupported';
  const base = { id: newId(), name, kind, required, table: false, options: [] as ChoiceOption[] };
  if (kind === 'unsupported') {
    return {
      ...base,
      title: typeof schema.title === 'string' ? schema.title : '',
      titleEn: '',
      help: '',
      helpEn: '',
      schemaRest: schema,
      uiRest: ui,
      ...(typeof raw === 'boolean' ? { literal: raw } : {}),
    };
  }
  const en = (isObject(ui['ui:en']) ? ui['ui:en'] : {}) as EnglishUi;
  const bounds = boundKeys(kind);
  const managed = ['type', 'title', 'description', 'default', ...(bounds ?? [])];
  const managedUi = ['ui:en'];
  let options: ChoiceOption[] = [];
  let inner: Container | undefined;
  let itemRest: Json | undefined;
  const enumOf = (values: unknown[]) => {
    const names = Array.isArray(ui['ui:enumNames']) ? (ui['ui:enumNames'] as string[]) : [];
    return values.map((v, i) => ({ value: String(v), zh: names[i] ?? '', en: en.options?.[String(v)] ?? '' }));
  };
  if (kind === 'choice') {
    options = enumOf(schema.enum as unknown[]);
    managed.push('enum');
    managedUi.push('ui:enumNames');
  } else if (kind === 'multiChoice') {
    options = enumOf((schema.items as Json).enum as unknown[]);
    managed.push('items');
    managedUi.push('ui:enumNames');
  } else if (kind === 'attachments') {
    managed.push('items');
  } else if (kind === 'section') {
    inner = readContainer(schema, ui);
    managed.push('properties', 'required');
    managedUi.push('ui:order', ...inner.fields.map((f) => f.name));
  } else if (kind === 'group') {
    const items = schema.items as Json;
    const itemUi = isObject(ui.items) ? ui.items : {};
    inner = readContainer(items, itemUi);
    itemRest = without(items, ['type', 'properties', 'required']);
    managed.push('items');
    if (ui['ui:field'] === 'table') managedUi.push('ui:field');
    const restItemUi = without(itemUi, ['ui:order', ...inner.fields.map((f) => f.name)]);
    if (Object.keys(restItemUi).length > 0) ui = { ...ui, items: restItemUi };
    else managedUi.push('items');
  } else {
    const shape = SHAPES[kind];
    if (shape.format) managed.push('format');
    if (shape.widget) managedUi.push('ui:widget');
  }
  const num = (key: string | undefined) => (key && typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  return {
    ...base,
    title: typeof schema.title === 'string' ? schema.title : '',
    titleEn: en.title ?? '',
    help: typeof schema.description === 'string' ? schema.description : '',
    helpEn: en.help ?? '',
    ...(num(bounds?.[0]) !== undefined ? { min: num(bounds?.[0]) } : {}),
    ...(num(bounds?.[1]) !== undefined ? { max: num(bounds?.[1]) } : {}),
    ...('default' in schema ? { default: schema.default } : {}),
    options,
    table: kind === 'group' && ui['ui:field'] === 'table',
    ...(inner ? { inner } : {}),
    ...(itemRest ? { itemRest } : {}),
    schemaRest: without(schema, managed),
    uiRest: without(ui, managedUi),
  };
}

// ---------------------------------------------------------------- writing

/** The schema and uiSchema the server stores for this model. */
export function toDefinition(model: FormModel): Definition {
  const { schema, ui } = writeContainer(model.root);
  return {
    schema: { ...model.schemaRest, type: 'object', ...schema },
    uiSchema: { ...ui, ...model.uiRest },
  };
}

function writeContainer(container: Container): { schema: Json; ui: Json } {
  const properties: Json = {};
  const ui: Json = {};
  for (const f of container.fields) {
    const written = writeField(f);
    properties[f.name] = written.schema;
    if (Object.keys(written.ui).length > 0) ui[f.name] = written.ui;
  }
  const names = new Set(container.fields.map((f) => f.name));
  const isRequired = (n: string) => container.fields.some((f) => f.name === n && f.required);
  const listed = (container.requiredOrder ?? []).filter((n) => (names.has(n) ? isRequired(n) : container.requiredOthers.includes(n)));
  const required = [...listed, ...container.fields.filter((f) => f.required && !listed.includes(f.name)).map((f) => f.name)];
  const order = container.order ? { 'ui:order': [...container.fields.map((f) => f.name), ...container.order.others] } : {};
  return {
    schema: {
      ...(container.fields.length > 0 || container.declared ? { properties } : {}),
      ...(required.length > 0 || container.requiredOrder ? { required } : {}),
    },
    ui: { ...order, ...ui },
  };
}

function writeField(f: Field): { schema: unknown; ui: Json } {
  if (f.kind === 'unsupported') return { schema: f.literal ?? { ...f.schemaRest }, ui: { ...f.uiRest } };
  const bounds = boundKeys(f.kind);
  const schema: Json = {};
  const ui: Json = {};
  if (f.title) schema.title = f.title;
  if (f.help) schema.description = f.help;
  const en: Record<string, unknown> = {};
  if (f.titleEn) en.title = f.titleEn;
  if (f.helpEn) en.help = f.helpEn;
  const values = f.options.map((o) => o.value);
  const optionsEn = Object.fromEntries(f.options.filter((o) => o.en).map((o) => [o.value, o.en]));
  if (Object.keys(optionsEn).length > 0) en.options = optionsEn;
  if (f.options.some((o) => o.zh)) ui['ui:enumNames'] = f.options.map((o) => o.zh || o.value);
  switch (f.kind) {
    case 'choice':
      Object.assign(schema, { type: 'string', enum: values });
      break;
    case 'multiChoice':
      Object.assign(schema, { type: 'array', items: { type: 'string', enum: values } });
      break;
    case 'attachments':
      Object.assign(schema, { type: 'array', items: { type: 'string', format: 'attachment' } });
      break;
    case 'section': {
      const inner = writeContainer(f.inner ?? emptyContainer());
      Object.assign(schema, { type: 'object', ...inner.schema });
      Object.assign(ui, inner.ui);
      break;
    }
    case 'group': {
      const inner = writeContainer(f.inner ?? emptyContainer());
      Object.assign(schema, { type: 'array', items: { ...f.itemRest, type: 'object', ...inner.schema } });
      const restItemUi = isObject(f.uiRest.items) ? f.uiRest.items : {};
      const itemUi = { ...inner.ui, ...restItemUi };
      if (Object.keys(itemUi).length > 0) ui.items = itemUi;
      if (f.table) ui['ui:field'] = 'table';
      break;
    }
    default: {
      const shape = SHAPES[f.kind];
      schema.type = shape.type;
      if (shape.format) schema.format = shape.format;
      if (shape.widget) ui['ui:widget'] = shape.widget;
    }
  }
  if (bounds && f.min !== undefined) schema[bounds[0]] = f.min;
  if (bounds && f.max !== undefined) schema[bounds[1]] = f.max;
  if (f.default !== undefined) schema.default = f.default;
  if (Object.keys(en).length > 0) ui['ui:en'] = en;
  return { schema: { ...f.schemaRest, ...schema }, ui: { ...without(f.uiRest, ['items']), ...ui } };
}

/** The form's English title, kept in its uiSchema (`ui:en`) as its fields' English labels are. */
export function englishTitle(model: FormModel): string {
  const en = model.uiRest['ui:en'];
  return isObject(en) && typeof en.title === 'string' ? en.title : '';
}

export function withEnglishTitle(model: FormModel, title: string): FormModel {
  const { 'ui:en': en, ...rest } = model.uiRest;
  const { title: _old, ...others } = isObject(en) ? en : {};
  const next = title ? { ...others, title } : others;
  return { ...model, uiRest: Object.keys(next).length > 0 ? { ...rest, 'ui:en': next } : rest };
}

// ---------------------------------------------------------------- new

export function emptyContainer(ordered = false): Container {
  return { fields: [], declared: true, requiredOthers: [], ...(ordered ? { order: { others: [] } } : {}) };
}

/** A new form: closed to fields it does not declare, ordered by `ui:order` as every template is. */
export function emptyForm(): FormModel {
  return { root: emptyContainer(true), schemaRest: { $schema: DIALECT, additionalProperties: false }, uiRest: {} };
}

/** A field as the palette drops it, named `field1`, `field2`… (the designer renames it). */
export function newField(kind: PaletteKind, name: string, title: string): Field {
  const grouped = kind === 'section' || kind === 'group';
  return {
    id: newId(),
    name,
    kind,
    title,
    titleEn: '',
    help: '',
    helpEn: '',
    required: false,
    options: kind === 'choice' || kind === 'multiChoice' ? [{ value: 'option1', zh: '', en: '' }] : [],
    table: kind === 'group',
    ...(grouped ? { inner: emptyContainer() } : {}),
    schemaRest: kind === 'multiChoice' ? { uniqueItems: true } : kind === 'section' ? { additionalProperties: false } : {},
    uiRest: kind === 'multiChoice' ? { 'ui:widget': 'checkboxes' } : {},
    ...(kind === 'group' ? { itemRest: { additionalProperties: false } } : {}),
  };
}
