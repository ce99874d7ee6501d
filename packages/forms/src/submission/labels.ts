import type { Failure } from '../failures.ts';
import { isJsonObject, type JsonObject, unescapePointer } from '../json.ts';

/**
 * Puts the schema's own words into a failure's params, so a clerk reads "房东姓名" and "商品房",
 * not `landlordName` and `commercial`: the titles of labelled options (`oneOf` of `const` +
 * `title`) and the title of the property a `dependentRequired` names. A form's references are
 * all local, so every schemaPath Ajv reports points into the form's own schema.
 */
export function labelled(failure: Failure, schema: JsonObject): Failure {
  if (!failure.schemaPath) return failure;
  if (failure.code === 'oneOf' || failure.code === 'anyOf') {
    const branches = at(schema, failure.schemaPath);
    if (Array.isArray(branches) && branches.length > 0 && branches.every((b) => isJsonObject(b) && Object.hasOwn(b, 'const'))) {
      const options = branches as JsonObject[];
      return {
        ...failure,
        params: { ...failure.params, allowedValues: options.map((b) => (typeof b.title === 'string' ? b.title : b.const)) },
      };
    }
  }
  if (failure.code === 'dependentRequired' && typeof failure.params.property === 'string') {
    // The keyword sits beside `properties` in the same schema object.
    const parent = at(schema, failure.schemaPath.split('/').slice(0, -1).join('/'));
    const property = isJsonObject(parent) && isJsonObject(parent.properties) ? parent.properties[failure.params.property] : undefined;
    if (isJsonObject(property) && typeof property.title === 'string')
      return { ...failure, params: { ...failure.params, property: property.title } };
  }
  return failure;
}

/** Resolves `#/a/b` in the schema (the pointer as Ajv writes it, segments URI-encoded). */
function at(schema: JsonObject, schemaPath: string): unknown {
  let node: unknown = schema;
  for (const raw of schemaPath.replace(/^#/, '').split('/').slice(1)) {
    const segment = unescapePointer(decodeURIComponent(raw));
    node = Array.isArray(node) ? node[Number(segment)] : isJsonObject(node) ? node[segment] : undefined;
  }
  return node;
}

/** The title of the field a data pointer names (`/tenants/0/idNumber`: the tenants' item's idNumber), if the schema gives one. */
export function titleAt(schema: JsonObject, pointer: string): string | undefined {
  let node: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unescapePointer(raw);
    if (!isJsonObject(node)) return undefined;
    if (isJsonObject(node.properties) && Object.hasOwn(node.properties, segment)) node = node.properties[segment];
    else if (/^\d+$/.test(segment) && Array.isArray(node.prefixItems) && node.prefixItems[Number(segment)] !== undefined)
      node = node.prefixItems[Number(segment)];
    else if (/^\d+$/.test(segment) && isJsonObject(node.items)) node = node.items;
    else return undefined;
  }
  return isJsonObject(node) && typeof node.title === 'string' && pointer !== '' ? node.title : undefined;
}
