import type { Collection, Filter, OptionalUnlessRequiredId, WithId } from 'mongodb';
import type { Reach } from '../port.ts';
import { StoreDuplicate } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import { duplicateKeyFields } from './errors.ts';
import { withinRanges } from './filters.ts';

/** What definitions and forms share: versions count per key and unit. */
interface Versioned {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly unitPath: string;
}

interface VersionedDoc {
  _id: string;
  key: string;
  version: number;
  unitPath: string;
}

/**
 * A collection of versioned records: unique on (key, unitPath, version), with an index on
 * (unitPath, key, version) (migrations.ts).
 */
export interface VersionedCollection<R extends Versioned, D extends VersionedDoc> {
  readonly collection: Collection<D>;
  /** What a duplicate id is called: `definition`, `form`. */
  readonly noun: string;
  readonly toDocument: (record: R) => D;
  readonly toRecord: (doc: WithId<D>) => R;
}

/** Two deploys of one key racing for the same version: the loser takes the next number. */
const DEPLOY_ATTEMPTS = 5;

const ORDER = { key: 1, unitPath: 1, version: 1 } as const;

/** The queries of Store.definitions and Store.forms, over one collection. */
export function mongoVersioned<R extends Versioned, D extends VersionedDoc>({
  collection,
  noun,
  toDocument,
  toRecord,
}: VersionedCollection<R, D>) {
  // The driver's filter types cannot see through a type parameter; every filter here names fields of VersionedDoc.
  const filter = (fields: Record<string, unknown>) => fields as Filter<D>;
  const ofKey = (key: string | undefined) => (key === undefined ? {} : { key });
  const found = (doc: WithId<D> | null) => (doc === null ? undefined : toRecord(doc));
  return {
    async deploy(record: Omit<R, 'version'>): Promise<R> {
      assertUnitPath(record.unitPath);
      for (let attempt = 1; ; attempt++) {
        const latest = await collection.findOne(filter({ key: record.key, unitPath: record.unitPath }), {
          sort: { version: -1 },
          projection: { version: 1 },
        });
        // Omit<R, 'version'> plus a version is an R, which TypeScript cannot see for a type parameter.
        const deployed = { ...record, version: (latest?.version ?? 0) + 1 } as R;
        try {
          await collection.insertOne(toDocument(deployed) as OptionalUnlessRequiredId<D>);
          return deployed;
        } catch (error) {
          const fields = duplicateKeyFields(error);
          if (fields === undefined) throw error;
          if (!fields.includes('version')) throw new StoreDuplicate(`${noun} ${record.id}`);
          if (attempt === DEPLOY_ATTEMPTS)
            throw new Error(`could not number a new version of ${record.key} at ${record.unitPath}: too many deploys at once`);
        }
      }
    },
    async byId(id: string): Promise<R | undefined> {
      return found(await collection.findOne(filter({ _id: id })));
    },
    async list(reach: Reach, key?: string): Promise<R[]> {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const docs = await collection
        .find(filter({ ...withinRanges('unitPath', ranges), ...ofKey(key) }))
        .sort(ORDER)
        .toArray();
      return docs.map(toRecord);
    },
    async nearest(key: string, unitPath: string, version?: number): Promise<R | undefined> {
      for (const unit of selfAndAbove(unitPath)) {
        const doc = await collection.findOne(filter({ key, unitPath: unit, ...(version === undefined ? {} : { version }) }), {
          sort: { version: -1 },
        });
        if (doc) return toRecord(doc);
      }
      return undefined;
    },
    async visibleAt(unitPath: string, key?: string): Promise<R[]> {
      const docs = await collection
        .find(filter({ unitPath: { $in: selfAndAbove(unitPath) }, ...ofKey(key) }))
        .sort(ORDER)
        .toArray();
      return docs.map(toRecord);
    },
  };
}
