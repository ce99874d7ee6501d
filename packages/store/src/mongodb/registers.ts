import type { ClientSession, MongoClient } from 'mongodb';
import { checkExpectedRevision, checkRegister, checkRegisterWrite } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import { type Store, StoreConflict } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { RegisterEntryRecord, RegisterRecord, RegisterWrite } from '../records.ts';
import { REGISTER_ENTRY_SORT } from '../sorts.ts';
import type { Collections, RegisterDoc, RegisterEntryDoc } from './collections.ts';
import { refusingDuplicates } from './errors.ts';
import { withinRanges } from './filters.ts';
import { inTransaction } from './transactions.ts';

/** Unit paths end in `/` and register ids hold none: unit + register + `/` is a prefix no other entry's id shares. */
const entryId = (unitPath: string, register: string, key: string) => `${unitPath}${register}/${key}`;
const revisionId = (entry: RegisterEntryRecord) => `${entry.unitPath}${entry.register}/${entry.revision}/${entry.key}`;

const toDoc = (entry: RegisterEntryRecord, _id: string): RegisterEntryDoc => ({ ...entry, _id, data: JSON.stringify(entry.data) });
const toEntry = ({ _id, data, ...rest }: RegisterEntryDoc): RegisterEntryRecord => ({ ...rest, data: JSON.parse(data) });
const toRegister = ({ _id, ...register }: RegisterDoc): RegisterRecord => register;

/**
 * Writes the entry's next revision in the session's transaction: the newest in registerEntries
 * (replaced only over the revision read), every one in registerRevisions.
 */
export async function putRegisterEntry(
  { registerEntries, registerRevisions }: Collections,
  session: ClientSession,
  write: RegisterWrite,
  expectedRevision?: number | null,
): Promise<RegisterEntryRecord> {
  const _id = entryId(write.unitPath, write.register, write.key);
  const current = await registerEntries.findOne({ _id }, { session, projection: { revision: 1 } });
  const revision = current?.revision ?? 0;
  const what = `${write.register}/${write.key}`;
  if (expectedRevision !== undefined && (expectedRevision ?? 0) !== revision) throw new StoreConflict('register', what);
  const entry: RegisterEntryRecord = { ...write, revision: revision + 1 };
  if (current === null) {
    await refusingDuplicates(
      () => registerEntries.insertOne(toDoc(entry, _id), { session }),
      () => `register entry ${what}`,
    );
  } else {
    const { matchedCount } = await registerEntries.replaceOne({ _id, revision }, toDoc(entry, _id), { session });
    if (matchedCount === 0) throw new StoreConflict('register', what);
  }
  await registerRevisions.insertOne(toDoc(entry, revisionId(entry)), { session });
  return entry;
}

export function mongoRegisters(client: MongoClient, collections: Collections): Store['registers'] {
  const { registers, registerEntries, registerRevisions } = collections;
  return {
    async declare(register) {
      checkRegister(register);
      await registers.replaceOne({ _id: `${register.unitPath}${register.id}` }, register, { upsert: true });
    },
    async byId(unitPath, id) {
      const doc = await registers.findOne({ _id: `${unitPath}${id}` });
      return doc === null ? undefined : toRegister(doc);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return (await registers.find(withinRanges('unitPath', ranges)).sort({ unitPath: 1, id: 1 }).toArray()).map(toRegister);
    },
    async put(write, expectedRevision) {
      checkRegisterWrite(write);
      checkExpectedRevision(`entry ${write.key} of register ${write.register}`, expectedRevision);
      return inTransaction(client, (session) => putRegisterEntry(collections, session, write, expectedRevision));
    },
    async entry(unitPath, register, key) {
      const doc = await registerEntries.findOne({ _id: entryId(unitPath, register, key) });
      return doc === null ? undefined : toEntry(doc);
    },
    async entries({ unitPath, register, retired, limit, cursor }) {
      checkLimit(limit);
      const found = await registerEntries
        .find({
          unitPath,
          register,
          ...(retired ? {} : { retired: { $ne: true } }),
          ...(cursor === undefined ? {} : { key: { $gt: String(decodeCursor(REGISTER_ENTRY_SORT, cursor)[0]) } }),
        })
        .sort({ key: 1 })
        .limit(limit + 1)
        .toArray();
      return toPage(found.map(toEntry), limit, REGISTER_ENTRY_SORT);
    },
    async history(unitPath, register, key) {
      return (await registerRevisions.find({ unitPath, register, key }).sort({ revision: -1 }).toArray()).map(toEntry);
    },
  };
}
