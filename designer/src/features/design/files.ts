/**
 * .bpmn files in and out of the designer: what opening a file accepts, and what a download is called.
 * Light on purpose (no bpmn-js), so any screen may use it.
 */

/** The server refuses a larger model (MAX_XML_BYTES of @shanzhi/engine; a test keeps the two equal). */
export const MAX_BPMN_FILE_BYTES = 5 * 1024 * 1024;

const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export type BpmnFileProblem =
  | { readonly code: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'not-bpmn' };

export type BpmnFileResult = { readonly ok: true; readonly xml: string } | ({ readonly ok: false } & BpmnFileProblem);

/**
 * Whether the text is a BPMN 2.0 document: its root element is `definitions` in the BPMN model
 * namespace, whatever its prefix. Checked on the text, before any parser, so a wrong file is named
 * as wrong rather than failing somewhere inside bpmn-js.
 */
export function isBpmnXml(text: string): boolean {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart();
  const root = /^<(?:([\w.-]+):)?definitions\b([^>]*)>/.exec(body);
  if (!root) return false;
  const prefix = root[1];
  const declaration = prefix ? `xmlns:${prefix}` : 'xmlns';
  const namespace = new RegExp(`\\s${declaration.replace('.', '\\.')}\\s*=\\s*(["'])([^"']*)\\1`).exec(root[2] ?? '');
  return namespace?.[2] === BPMN_MODEL_NS;
}

/** A file the person picked, as BPMN XML text exactly as it was saved, or why it cannot be opened. */
export async function readBpmnFile(file: Blob): Promise<BpmnFileResult> {
  if (file.size > MAX_BPMN_FILE_BYTES) return { ok: false, code: 'too-large', bytes: file.size, limit: MAX_BPMN_FILE_BYTES };
  const xml = await file.text();
  return isBpmnXml(xml) ? { ok: true, xml } : { ok: false, code: 'not-bpmn' };
}

/** `village_request-v3.bpmn`: the procedure key and version, with characters file systems refuse replaced. */
export function bpmnFileName(key: string, version?: number): string {
  const safe = key.replace(/[\\/:*?"<>|\s]+/g, '_') || 'procedure';
  return `${safe}${version === undefined ? '' : `-v${version}`}.bpmn`;
}
