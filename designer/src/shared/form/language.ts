import type { Language } from '../../i18n/index.tsx';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface English {
  readonly title?: string;
  readonly help?: string;
  readonly options?: Readonly<Record<string, string>>;
}

/**
 * A form in the reader's language. The schema's titles are Chinese (the server words its
 * errors with them); a field's English label, help and option names sit in its uiSchema under
 * `ui:en` (the form builder writes them there), and replace the Chinese ones in English. A title
 * is replaced, never added: the form's own English title (`ui:en` at the root) names it in lists.
 */
export function inLanguage(schema: Json, uiSchema: Json, language: Language): { schema: Json; uiSchema: Json } {
  if (language !== 'en') return { schema, uiSchema };
  return translateNode(schema, uiSchema);
}

function translateNode(schema: Json, ui: Json): { schema: Json; uiSchema: Json } {
  const en = (isObject(ui['ui:en']) ? ui['ui:en'] : {}) as English;
  const next: Json = { ...schema };
  const nextUi: Json = { ...ui };
  if (en.title && typeof schema.title === 'string') next.title = en.title;
  if (en.help) next.description = en.help;
  const values = Array.isArray(schema.enum)
    ? schema.enum
    : isObject(schema.items) && Array.isArray(schema.items.enum)
      ? schema.items.enum
      : undefined;
  if (en.options && values) {
    const zh = Array.isArray(ui['ui:enumNames']) ? (ui['ui:enumNames'] as string[]) : [];
    nextUi['ui:enumNames'] = values.map((v, i) => en.options?.[String(v)] ?? zh[i] ?? String(v));
  }
  if (isObject(schema.properties)) {
    const properties: Json = {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (!isObject(sub)) {
        properties[name] = sub;
        continue;
      }
      const translated = translateNode(sub, isObject(ui[name]) ? ui[name] : {});
      properties[name] = translated.schema;
      if (Object.keys(translated.uiSchema).length > 0) nextUi[name] = translated.uiSchema;
    }
    next.properties = properties;
  }
  if (isObject(schema.items) && isObject(schema.items.properties)) {
    const translated = translateNode(schema.items, isObject(ui.items) ? ui.items : {});
    next.items = translated.schema;
    nextUi.items = translated.uiSchema;
  }
  return { schema: next, uiSchema: nextUi };
}
