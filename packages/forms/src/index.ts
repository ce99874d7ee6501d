/**
 * @shanzhi/forms: form definitions (JSON Schema 2020-12) and their validation, the authority
 * behind every form the server accepts. Depends on no other package of ours.
 */

export { defineForm, FormDefinitionError, MAX_DEPTH } from './define/index.ts';
export { DIALECT, MAX_PROPERTIES } from './define/policy.ts';
export { isCnId, isCnMobile, isCnUscc } from './formats/cn.ts';
export { addSupportedFormats, SUPPORTED_FORMATS } from './formats/index.ts';
export { maskId, maskMobile } from './mask.ts';
export { keywordMessage } from './messages/index.ts';
export { type StepView, stepView } from './step/index.ts';
export { MAX_DATA_DEPTH, validateSubmission } from './submission/index.ts';
export {
  DEFAULT_LANG,
  type DefinitionProblem,
  type DefinitionProblemCode,
  type FieldAccess,
  type FieldRule,
  type Form,
  type FormDefinitionInput,
  type Lang,
  type SubmissionError,
  type SubmissionOptions,
  type SubmissionResult,
} from './types.ts';
