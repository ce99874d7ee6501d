import type { Store } from '../port.ts';
import type { DefinitionRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { mongoVersioned } from './versioned.ts';

export function mongoDefinitions({ definitions }: Collections): Store['definitions'] {
  const toDefinition = (doc: object) => recordOf<DefinitionRecord>(doc);
  return {
    ...mongoVersioned({ collection: definitions, noun: 'definition', toDocument: documentOf<DefinitionRecord>, toRecord: toDefinition }),
    async latest(key, unitPath) {
      const doc = await definitions.findOne({ key, unitPath }, { sort: { version: -1 } });
      return doc === null ? undefined : toDefinition(doc);
    },
  };
}
