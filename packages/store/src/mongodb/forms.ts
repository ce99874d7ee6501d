import type { Store } from '../port.ts';
import type { FormRecord } from '../records.ts';
import type { Collections, FormDoc } from './collections.ts';
import { mongoVersioned } from './versioned.ts';

/**
 * schema and uiSchema are kept as JSON text: JSON Schema's keywords are $-prefixed field names
 * ($schema, $defs, $ref), which MongoDB before 5.0 refuses to store and which the driver reads
 * back as a DBRef where $ref and $id meet. Nothing queries inside a form.
 */
const toDocument = ({ id, schema, uiSchema, ...rest }: FormRecord): FormDoc => ({
  _id: id,
  ...rest,
  schema: JSON.stringify(schema),
  ...(uiSchema === undefined ? {} : { uiSchema: JSON.stringify(uiSchema) }),
});

const toRecord = ({ _id, schema, uiSchema, ...rest }: FormDoc): FormRecord => ({
  id: _id,
  ...rest,
  schema: JSON.parse(schema),
  ...(uiSchema === undefined ? {} : { uiSchema: JSON.parse(uiSchema) }),
});

export function mongoForms({ forms }: Collections): Store['forms'] {
  return mongoVersioned({ collection: forms, noun: 'form', toDocument, toRecord });
}
