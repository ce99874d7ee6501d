/**
 * Message templates with named parameters (`找不到单位 {unit}。`). The names a template fills are
 * read from its text by the type system, so a call passing the wrong parameters does not compile.
 */

/** The `{names}` in a template, as a union of string literals (never when it has none). */
export type ParamNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** Both languages of one text. */
export interface Texts {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A code of the catalogue: its HTTP status (none: never an answer), where it shows, its texts. */
export interface Entry extends Texts {
  readonly status?: number;
  readonly shows: string;
}

/** The texts, unless en names other `{params}` than zh-CN: then a type no string matches, saying so. */
export type SameParams<T extends Texts> = [ParamNames<T['zh-CN']>] extends [ParamNames<T['en']>]
  ? [ParamNames<T['en']>] extends [ParamNames<T['zh-CN']>]
    ? T
    : { readonly en: `en must name the same {params} as zh-CN: ${ParamNames<T['zh-CN']> & string}` }
  : { readonly en: `en must name the same {params} as zh-CN: ${ParamNames<T['zh-CN']> & string}` };

/** The parameter names of a template at run time, in order of appearance, each once. */
export function paramNames(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1] as string))];
}

/** Fills `{name}` placeholders; one without a value stays visible rather than vanish. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
