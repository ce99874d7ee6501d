import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll } from './queries.ts';
import { sql } from './sql.ts';
import { COMMENTS } from './tables.ts';

export function postgresComments(pg: Postgres): Store['comments'] {
  return {
    async add(comment) {
      await refusingDuplicates(
        () => insertRecords(pg, COMMENTS, [comment]),
        () => `comment ${comment.id}`,
      );
    },
    async ofTask(taskId) {
      return selectAll(pg, COMMENTS, sql`WHERE task_id = ${taskId} ORDER BY at, id`);
    },
  };
}
