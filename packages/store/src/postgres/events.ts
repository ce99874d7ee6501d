import { type ChainHead, verifyChain } from '../chain.ts';
import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { selectAll } from './queries.ts';
import { sql } from './sql.ts';
import { EVENTS } from './tables.ts';

export function postgresEvents(pg: Postgres): Store['events'] {
  const ofInstance = (instanceId: string) => selectAll(pg, EVENTS, sql`WHERE instance_id = ${instanceId} ORDER BY seq`);
  return {
    ofInstance,
    async range(instanceId, afterSeq, limit) {
      return selectAll(pg, EVENTS, sql`WHERE instance_id = ${instanceId} AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`);
    },
    async verify(instanceId) {
      const heads = await pg.rows<ChainHead & { id: string }>(
        instanceId === undefined
          ? sql`SELECT id, chain_seq AS seq, chain_hash AS hash FROM instances ORDER BY id`
          : sql`SELECT id, chain_seq AS seq, chain_hash AS hash FROM instances WHERE id = ${instanceId}`,
      );
      for (const head of heads) {
        const broken = verifyChain(head.id, await ofInstance(head.id), head);
        if (broken !== undefined) return broken;
      }
      return undefined;
    },
  };
}
