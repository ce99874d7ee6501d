import type { FormContextType, RJSFSchema, StrictRJSFSchema, ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { addSupportedFormats, keywordMessage } from '@shanzhi/forms';
import type Ajv from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Language } from '../../i18n/index.tsx';

type Validator = ValidatorType<Record<string, unknown>, RJSFSchema, FormContextType>;

const validators = new Map<Language, Validator>();

/**
 * The browser checks a form as the server will (JSON Schema 2020-12, the same formats from
 * @shanzhi/forms: 身份证号, 手机号, 统一社会信用代码, attachments) and words each failure with
 * the server's own messages, so what the clerk reads before sending is what the server would say.
 */
export function validatorFor(language: Language): Validator {
  let validator = validators.get(language);
  if (!validator) {
    validator = customizeValidator<Record<string, unknown>, StrictRJSFSchema, FormContextType>(
      {
        AjvClass: Ajv2020 as unknown as typeof Ajv,
        ajvFormatOptions: false,
        ajvOptionsOverrides: { strict: false },
        extenderFn: (ajv) => {
          addSupportedFormats(ajv as unknown as Ajv2020);
          return ajv;
        },
      },
      (errors) => {
        for (const e of errors ?? []) e.message = keywordMessage(language, e.keyword, e.params as Record<string, unknown>);
      },
    );
    validators.set(language, validator);
  }
  return validator;
}
