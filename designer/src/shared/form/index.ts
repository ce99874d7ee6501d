export { type FieldRule, SchemaForm, type SchemaFormProps, stepSchemas } from './SchemaForm.tsx';
export { errorSchemaOf, type FieldError, fieldErrorsOf, fieldPath } from './serverErrors.ts';
