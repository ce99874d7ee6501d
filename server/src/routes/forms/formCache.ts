/**
 * Defined forms by content, so a definition sent again (the designer's preview, clients
 * checking before each submit) skips defineForm's envelope, meta-schema and policy checks.
 * Only forms that defined are kept: a refused definition is checked again each time, so its
 * 400 is worded in the request's language. The language words only refusals, never a defined
 * form, so it is not part of the key.
 */
import { createHash } from 'node:crypto';
import { defineForm, type Form, type Lang, MAX_DEPTH } from '@shanzhi/forms';

const CACHE_SIZE = 256;

/** Larger definitions are defined every time, so 256 entries stay a few tens of megabytes at most. */
const MAX_CACHED_CHARS = 128 * 1024;

/** Least recently used first: Map keeps insertion order, and a hit moves its entry to the end. */
const forms = new Map<string, Form>();

/** defineForm, answered from the cache when the same definition was defined before. */
export function defineCached(definition: unknown, lang: Lang | undefined): Form {
  const options = lang ? { lang } : {};
  // JSON.stringify recurses; nesting defineForm refuses anyway must not reach it.
  if (!nestsWithin(definition, MAX_DEPTH + 1)) return defineForm(definition, options);
  // Key order is kept, not sorted: it orders the errors a submission gets.
  const text = JSON.stringify(definition);
  if (text.length > MAX_CACHED_CHARS) return defineForm(definition, options);
  const key = createHash('sha256').update(text).digest('base64url');

  const hit = forms.get(key);
  if (hit) {
    forms.delete(key);
    forms.set(key, hit);
    return hit;
  }
  const form = defineForm(definition, options);
  forms.set(key, form);
  if (forms.size > CACHE_SIZE) forms.delete(forms.keys().next().value as string);
  return form;
}

/** Whether a JSON value nests at most `levels` levels of objects and arrays (the value itself is one). */
function nestsWithin(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return levels > 0 && Object.values(value).every((child) => nestsWithin(child, levels - 1));
}
