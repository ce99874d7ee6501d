import { DEFAULT_LANG, type DefinitionProblemCode, type Lang } from '../types.ts';
import { type Catalogue, interpolate, type MessageKey } from './catalogue.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { 'zh-CN': zhCN, en };

/** An unknown language falls back to zh-CN, the users' own. */
function catalogue(lang: Lang | undefined): Catalogue {
  return CATALOGUES[lang ?? DEFAULT_LANG] ?? zhCN;
}

/** The message for a failed keyword (as Ajv names it, with its params) or one of our codes. */
export function keywordMessage(lang: Lang | undefined, code: string, params: Readonly<Record<string, unknown>> = {}): string {
  const c = catalogue(lang);
  return interpolate(c.keywords[messageKey(code, params)], displayParams(c, params));
}

export function problemMessage(lang: Lang | undefined, code: DefinitionProblemCode, values: Readonly<Record<string, string>> = {}): string {
  return interpolate(catalogue(lang).problems[code], values);
}

function messageKey(code: string, params: Readonly<Record<string, unknown>>): MessageKey {
  if (code === 'format' && isMessageKey(`format.${String(params.format)}`)) return `format.${String(params.format)}` as MessageKey;
  if (code === 'contains' && params.maxContains !== undefined) return 'contains.between';
  // Ajv's passingSchemas is null when no branch passed, the indices of two when several did.
  if (code === 'oneOf' && Array.isArray(params.passingSchemas)) return 'oneOf.many';
  // A list of labelled constants (react-jsonschema-form's way to title options) reads as a choice.
  if ((code === 'oneOf' || code === 'anyOf') && params.allowedValues !== undefined) return 'enum';
  return isMessageKey(code) ? code : 'invalid';
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN.keywords, key);
}

/** Ajv's params as words: type names translated, lists joined, item indices counted from 1. */
function displayParams(c: Catalogue, params: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) out[name] = display(value, c);
  if (typeof params.type === 'string') {
    out.type = params.type
      .split(',')
      .map((t) => c.types[t as keyof Catalogue['types']] ?? t)
      .join(c.or);
  }
  if (typeof params.i === 'number' && typeof params.j === 'number') {
    out.first = String(Math.min(params.i, params.j) + 1);
    out.second = String(Math.max(params.i, params.j) + 1);
  }
  return out;
}

const MAX_LISTED = 10;

function display(value: unknown, c: Catalogue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LISTED).map((v) => display(v, c));
    return shown.join(c.listSeparator) + (value.length > MAX_LISTED ? `${c.listSeparator}…` : '');
  }
  return JSON.stringify(value) ?? String(value);
}
