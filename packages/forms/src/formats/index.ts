import type { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin, { type FormatName } from 'ajv-formats';
import { isCnId, isCnMobile, isCnUscc } from './cn.ts';

/**
 * Standard formats a governance form uses: dates and deadlines, durations (P7D), e-mail,
 * links to photos and attachments, record ids. Others are left out on purpose (see
 * test/conformance/jsts-exclusions.json): network addresses no form asks for, `regex` (it would
 * compile a user's text as a regular expression on the server), machine formats (JSON
 * pointers, URI templates) and IRI/IDN formats, which ajv-formats does not check.
 */
const STANDARD: readonly FormatName[] = ['date', 'time', 'date-time', 'duration', 'email', 'uri', 'uri-reference', 'uuid'];

const CHINESE = { 'cn-mobile': isCnMobile, 'cn-id': isCnId, 'cn-uscc': isCnUscc } as const;

/**
 * A file in a form is the id of an attachment stored beside the instance (uploaded first),
 * never the file itself: the record stays small and the audit trail holds no document bytes.
 */
const OURS = { attachment: (value: string) => /^[\w.:-]{1,200}$/.test(value) } as const;

export const SUPPORTED_FORMATS: readonly string[] = [...STANDARD, ...Object.keys(CHINESE), ...Object.keys(OURS)];

/** Registers every supported format on an Ajv instance, asserting (not annotating) them. */
export function addSupportedFormats(ajv: Ajv2020): void {
  // ajv-formats is CommonJS: under NodeNext its default import is the module, `.default` the plugin.
  formatsPlugin.default(ajv, { mode: 'full', formats: [...STANDARD] });
  for (const [name, validate] of Object.entries({ ...CHINESE, ...OURS })) ajv.addFormat(name, { type: 'string', validate });
}
