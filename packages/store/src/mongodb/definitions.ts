import type { Store } from '../port.ts';
import { StoreDuplicate } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import type { DefinitionRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { duplicateKeyFields } from './errors.ts';
import { withinRanges } from './filters.ts';

/** Two deploys of one key racing for the same version: the loser takes the next number. */
const DEPLOY_ATTEMPTS = 5;

export function mongoDefinitions({ definitions }: Collections): Store['definitions'] {
  const toDefinition = (doc: object | null) => (doc === null ? undefined : recordOf<DefinitionRecord>(doc));
  return {
    async deploy(def) {
      assertUnitPath(def.unitPath);
      for (let attempt = 1; ; attempt++) {
        const latest = await definitions.findOne(
          { key: def.key, unitPath: def.unitPath },
          { sort: { version: -1 }, projection: { version: 1 } },
        );
        const deployed: DefinitionRecord = { ...def, version: (latest?.version ?? 0) + 1 };
        try {
          await definitions.insertOne(documentOf(deployed));
          return deployed;
        } catch (error) {
          const fields = duplicateKeyFields(error);
          if (fields === undefined) throw error;
          if (!fields.includes('version')) throw new StoreDuplicate(`definition ${def.id}`);
          if (attempt === DEPLOY_ATTEMPTS)
            throw new Error(`could not number a new version of ${def.key} at ${def.unitPath}: too many deploys at once`);
        }
      }
    },
    async byId(id) {
      return toDefinition(await definitions.findOne({ _id: id }));
    },
    async latest(key, unitPath) {
      return toDefinition(await definitions.findOne({ key, unitPath }, { sort: { version: -1 } }));
    },
    async list(reach, key) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const found = await definitions
        .find({ ...withinRanges('unitPath', ranges), ...(key === undefined ? {} : { key }) })
        .sort({ key: 1, unitPath: 1, version: 1 })
        .toArray();
      return found.map((doc) => recordOf<DefinitionRecord>(doc));
    },
    async nearest(key, unitPath, version) {
      for (const unit of selfAndAbove(unitPath)) {
        const found = await definitions.findOne(
          { key, unitPath: unit, ...(version === undefined ? {} : { version }) },
          { sort: { version: -1 } },
        );
        if (found) return recordOf<DefinitionRecord>(found);
      }
      return undefined;
    },
    async visibleAt(unitPath, key) {
      const found = await definitions
        .find({ unitPath: { $in: selfAndAbove(unitPath) }, ...(key === undefined ? {} : { key }) })
        .sort({ key: 1, unitPath: 1, version: 1 })
        .toArray();
      return found.map((doc) => recordOf<DefinitionRecord>(doc));
    },
  };
}
