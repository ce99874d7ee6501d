import type { Store } from '../port.ts';

/** What an adapter's test file gives the suite besides a store. */
export interface ConformanceHooks {
  /** Changes stored event (instanceId, seq) behind the store's back, as someone editing the database by hand would. */
  tamper(store: Store, instanceId: string, seq: number): Promise<void>;
  /** Opens a second store on the same database, as another server process would; omit when the storage cannot be shared. */
  openPeer?(store: Store): Promise<Store>;
}

export interface SuiteContext {
  /** The current test's store: migrated, with the directory of fixtures.ts seeded. */
  readonly store: Store;
  readonly hooks: ConformanceHooks;
  /** A second store on the current test's database (closed after the test), or the same store when it cannot be shared. */
  peer(): Promise<Store>;
}
