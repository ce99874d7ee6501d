import type { MessageKey } from '../../i18n/zh-CN.ts';

/** A form read from a file: ours (key, title, schema, uiSchema) or a plain JSON Schema made elsewhere. */
export interface OpenedForm {
  readonly key?: string;
  readonly title?: string;
  readonly schema: Record<string, unknown>;
  readonly uiSchema: Record<string, unknown>;
}

export type Opened = { ok: true; form: OpenedForm } | { ok: false; problem: MessageKey; detail?: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The form a file holds, or why it holds none. The server checks the rest when it is published. */
export function readFormFile(content: string): Opened {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, problem: 'forms.fileUnreadable', detail: (error as Error).message };
  }
  const wrapped = isObject(json) && isObject(json.schema) && json.type === undefined;
  const schema = wrapped ? (json as { schema: Record<string, unknown> }).schema : json;
  if (!isObject(schema) || schema.type !== 'object') return { ok: false, problem: 'forms.fileNotObject' };
  const envelope = wrapped ? (json as Record<string, unknown>) : {};
  const key = text(envelope.key);
  const title = text(envelope.title) ?? text(schema.title);
  return {
    ok: true,
    form: { ...(key ? { key } : {}), ...(title ? { title } : {}), schema, uiSchema: isObject(envelope.uiSchema) ? envelope.uiSchema : {} },
  };
}
