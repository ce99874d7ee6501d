import { type ChainHead, verifyChain } from '../chain.ts';
import type { Store } from '../port.ts';
import type { EventRecord } from '../records.ts';
import { EVENT_COLUMNS, type EventRow, eventRow, toEvent } from './rows.ts';
import { insertRows, type Sqlite } from './sql.ts';

/** Events written by one INSERT at most; a step writes about a dozen. */
const EVENTS_PER_INSERT = 16;

/** Inside a commit: appends events already chained onto the instance's head, several rows per INSERT. */
export function appendEvents({ statement }: Sqlite, events: readonly EventRecord[]): void {
  for (let from = 0; from < events.length; from += EVENTS_PER_INSERT) {
    const chunk = events.slice(from, from + EVENTS_PER_INSERT);
    statement(insertRows('events', EVENT_COLUMNS, chunk.length)).run(
      chunk.flatMap((event) => {
        const row = eventRow(event);
        return EVENT_COLUMNS.map((column) => row[column]);
      }),
    );
  }
}

export function sqliteEvents({ statement }: Sqlite): Store['events'] {
  const ofInstance = (instanceId: string) =>
    (statement('SELECT * FROM events WHERE instance_id = ? ORDER BY seq').all(instanceId) as EventRow[]).map(toEvent);
  return {
    async ofInstance(instanceId) {
      return ofInstance(instanceId);
    },
    async range(instanceId, afterSeq, limit) {
      const rows = statement('SELECT * FROM events WHERE instance_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(
        instanceId,
        afterSeq,
        limit,
      );
      return (rows as EventRow[]).map(toEvent);
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
