import type { Lang } from '@shanzhi/forms';
import { ERRORS, type MessageId } from './catalogue.ts';
import { FIELD_PROBLEMS, FieldText } from './fieldProblems.ts';
import { fill } from './template.ts';

/** A value a message names: a text or number as it is, a field problem worded in the message's language. */
export type Param = string | number | FieldText;

/** A catalogue message in one language, its params worded in the same language. */
export function messageOf(id: MessageId, lang: Lang, params: Readonly<Record<string, Param>>): string {
  return fill(ERRORS[id][lang], wordAll(params, lang));
}

/** The body of an error answer in one language: `{ code, message, details? }`, field problems in details worded too. */
export function errorBody(
  error: {
    readonly code: string;
    readonly messageId: MessageId;
    readonly params: Readonly<Record<string, Param>>;
    readonly details: unknown;
  },
  lang: Lang,
): { code: string; message: string; details?: unknown } {
  const message = messageOf(error.messageId, lang, error.params);
  return error.details === undefined ? { code: error.code, message } : { code: error.code, message, details: wordIn(error.details, lang) };
}

function word(value: Param, lang: Lang): string {
  if (!(value instanceof FieldText)) return String(value);
  return fill(FIELD_PROBLEMS[value.key][lang], wordAll(value.params, lang));
}

function wordAll(params: Readonly<Record<string, Param>>, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, word(value, lang)]));
}

/** Details as they are, but every field problem in them (at any depth of arrays and plain objects) worded. */
function wordIn(details: unknown, lang: Lang): unknown {
  if (details instanceof FieldText) return word(details, lang);
  if (Array.isArray(details)) return details.map((d) => wordIn(d, lang));
  if (details !== null && typeof details === 'object' && Object.getPrototypeOf(details) === Object.prototype) {
    return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, wordIn(v, lang)]));
  }
  return details;
}
