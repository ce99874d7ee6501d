import pg from 'pg';
import { StoreDuplicate } from '../port.ts';

/** SQLSTATEs this adapter answers for (PostgreSQL's appendix A, "Error Codes"). */
const UNIQUE_VIOLATION = '23505';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

const sqlState = (error: unknown): string | undefined => (error instanceof pg.DatabaseError ? error.code : undefined);

/** What a unique violation names: the constraint (or unique index) and the key it already holds, e.g. `job-1` or `inst-1, sub-2`. */
export interface Violation {
  readonly constraint: string;
  readonly key: string;
}

/** `Key (id)=(job-1) already exists.`: the part in the second parentheses. */
const keyIn = (detail: string | undefined): string => /\)=\((.*)\) already exists/.exec(detail ?? '')?.[1] ?? '';

/** Runs `work`; a unique violation becomes StoreDuplicate naming what `describe` says the violated key holds. */
export async function refusingDuplicates<T>(work: () => Promise<T>, describe: (violation: Violation) => string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    const { constraint, detail } = error as pg.DatabaseError;
    throw new StoreDuplicate(describe({ constraint: constraint ?? '', key: keyIn(detail) }));
  }
}

/**
 * The server gave up on the transaction because another one wrote what it needed at the same
 * moment (a deadlock between two commits, a serialization failure): nothing was written, and
 * reading again and retrying is the answer, as for a stale version.
 */
export const isWriteRace = (error: unknown): boolean => {
  const state = sqlState(error);
  return state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED;
};
