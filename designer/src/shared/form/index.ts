export { type FieldRule, SchemaForm, type SchemaFormProps, stepSchemas, withChoiceTypes } from './SchemaForm.tsx';
export { errorSchemaOf, type FieldError, fieldErrorsOf, fieldPath } from './serverErrors.ts';
