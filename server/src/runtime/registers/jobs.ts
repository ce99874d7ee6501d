import type { Vars } from '@shanzhi/engine';
import type { RegisterEntryRecord, RegisterRecord, RegisterWrite } from '@shanzhi/store';
import { registerChanges, sameData } from './changes.ts';
import { EntryInvalid, fieldTitles, type Registers } from './index.ts';

/**
 * Job types the server does itself, as Zeebe's connectors do: a service task of one of these
 * types reads or writes a register of the instance's unit. Headers: `register` (its id) and
 * `resultVariable`; for writes, `replace="true"` when `entries` is the whole register; for
 * lookups, `optional="true"` when a unit that does not keep the register simply has no entries.
 * Inputs (the task's variables): `entry` or `entries` and `retire` (keys) to write, `note` for the
 * revision; `key` to read one entry (without it, every live entry).
 */
export const REGISTER_JOBS = { write: 'shanzhi:register-write', lookup: 'shanzhi:register-lookup' } as const;

export const isRegisterJob = (type: string): boolean => type === REGISTER_JOBS.write || type === REGISTER_JOBS.lookup;

export interface RegisterJob {
  readonly jobType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly variables: Vars;
  readonly unitPath: string;
  readonly instanceId: string;
  readonly now: number;
}

/** Complete the job with these variables, the writes in the same commit; or fail it, the reason in its incident. */
export type RegisterJobOutcome =
  | { readonly ok: true; readonly variables: Vars; readonly writes: readonly RegisterWrite[] }
  | { readonly ok: false; readonly message: string };

class JobRefused extends Error {}

export async function runRegisterJob(registers: Registers, job: RegisterJob): Promise<RegisterJobOutcome> {
  try {
    const id = job.headers.register;
    if (!id) throw new JobRefused('任务头缺少 register（台账编号） (the task header "register" names the register)');
    const register = await registers.register(job.unitPath, id);
    if (job.jobType === REGISTER_JOBS.lookup) return await lookup(registers, register, job);
    if (!register) throw notKept(id, job.unitPath);
    return await write(registers, register, job);
  } catch (error) {
    if (error instanceof JobRefused || error instanceof EntryInvalid) return { ok: false, message: error.message };
    throw error;
  }
}

const notKept = (id: string, unitPath: string) =>
  new JobRefused(`本单位（${unitPath}）没有台账 ${id} (no register ${id} is kept at ${unitPath})`);

/** One entry by `key` (null when there is none), else every live entry. */
async function lookup(registers: Registers, register: RegisterRecord | undefined, job: RegisterJob): Promise<RegisterJobOutcome> {
  const into = job.headers.resultVariable;
  if (!into) throw new JobRefused('查询台账需要任务头 resultVariable (a lookup needs the header "resultVariable")');
  const key = job.variables.key;
  const one = key !== undefined && key !== null;
  const found = (value: unknown): RegisterJobOutcome => ({ ok: true, variables: { [into]: value }, writes: [] });
  if (!register) {
    // A register another procedure keeps (the covenant's restrictions) may not be kept here: then it holds nothing.
    if (job.headers.optional === 'true') return found(one ? null : []);
    throw notKept(String(job.headers.register), job.unitPath);
  }
  if (one) return found((await registers.liveEntry(register, String(key)))?.data ?? null);
  return found((await registers.all(register)).map((e) => e.data));
}

/** Only what changed is written: a covenant republished as it was adds no revision to its clauses. */
async function write(registers: Registers, register: RegisterRecord, job: RegisterJob): Promise<RegisterJobOutcome> {
  const { entry, entries, retire, note } = job.variables;
  const given = entries === undefined ? (entry === undefined || entry === null ? [] : [entry]) : entries;
  if (!Array.isArray(given)) throw new JobRefused('entries 应为列表 (the input "entries" must be a list)');
  const writer = {
    by: 'system:registers',
    at: job.now,
    instanceId: job.instanceId,
    ...(typeof note === 'string' && note !== '' ? { note } : {}),
  };
  const form = await registers.form(register);
  const written = new Map<string, RegisterWrite>();
  for (const data of given) {
    const w = registers.entryOf(register, form, withoutNulls(data), writer);
    if (written.has(w.key)) throw new JobRefused(`台账 ${register.id} 的记录编号 ${w.key} 重复 (key ${w.key} is given twice)`);
    written.set(w.key, w);
  }
  const retiredKeys = [retire ?? []].flat().map(String);
  // The whole register only when the list replaces it; otherwise the entries named, one read each.
  const live =
    job.headers.replace === 'true'
      ? new Map((await registers.all(register)).map((e) => [e.key, e] as const))
      : await liveEntries(registers, register, [...written.keys(), ...retiredKeys]);
  const retiring = new Set(job.headers.replace === 'true' ? [...live.keys()].filter((k) => !written.has(k)) : []);
  for (const key of retiredKeys) if (live.has(key) && !written.has(key)) retiring.add(key);

  const changes = registerChanges(
    live,
    new Map([...written].map(([k, w]) => [k, w.data] as const)),
    [...retiring],
    fieldTitles(form.record.schema),
  );
  const writes: RegisterWrite[] = [
    ...[...written.values()].filter((w) => !sameAsLive(live.get(w.key), w)),
    ...[...retiring].map((key) => retired(live.get(key)!, writer)),
  ];
  const into = job.headers.resultVariable;
  return { ok: true, variables: into ? { [into]: { ...changes } } : {}, writes };
}

async function liveEntries(registers: Registers, register: RegisterRecord, keys: readonly string[]) {
  const live = new Map<string, RegisterEntryRecord>();
  for (const key of new Set(keys)) {
    const entry = await registers.liveEntry(register, key);
    if (entry) live.set(key, entry);
  }
  return live;
}

const sameAsLive = (current: RegisterEntryRecord | undefined, w: RegisterWrite) =>
  current !== undefined && !current.retired && sameData(current.data, w.data);

function retired(entry: RegisterEntryRecord, writer: Omit<RegisterWrite, 'unitPath' | 'register' | 'key' | 'data'>): RegisterWrite {
  const { revision: _revision, note: _note, ...rest } = entry;
  return { ...rest, ...writer, retired: true };
}

/** A FEEL context names every field, null where the instance has no value: null is an absent field here. */
function withoutNulls(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));
}
