import { type ChainHead, verifyChain } from '../chain.ts';
import type { Store } from '../port.ts';
import type { EventRecord } from '../records.ts';
import { EVENT_COLUMNS, type EventRow, eventRow, toEvent } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

/** Inside a commit: appends events already chained onto the instance's head. */
export function appendEvents({ statement }: Sqlite, events: readonly EventRecord[]): void {
  const insert = statement(insertInto('events', EVENT_COLUMNS));
  for (const event of events) insert.run(eventRow(event));
}

export function sqliteEvents({ statement }: Sqlite): Store['events'] {
  const ofInstance = (instanceId: string) =>
    (statement('SELECT * FROM events WHERE instance_id = ? ORDER BY seq').all(instanceId) as EventRow[]).map(toEvent);
  return {
    async ofInstance(instanceId) {
      return ofInstance(instanceId);
    },
    async verify(instanceId) {
      const heads = (
        instanceId === undefined
          ? statement('SELECT id, chain_seq AS seq, chain_hash AS hash FROM instances ORDER BY id').iterate()
          : statement('SELECT id, chain_seq AS seq, chain_hash AS hash FROM instances WHERE id = ?').iterate(instanceId)
      ) as IterableIterator<ChainHead & { id: string }>;
      for (const head of heads) {
        const broken = verifyChain(head.id, ofInstance(head.id), head);
        if (broken !== undefined) return broken;
      }
      return undefined;
    },
  };
}
