import { principalsOfTask } from '../inbox.ts';
import type { Commit, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { TaskRecord } from '../records.ts';
import { dueOrder, priorityOrder } from '../sorts.ts';
import type { Postgres, Queryable } from './db.ts';
import { postgresInbox, postgresInboxCount } from './inbox.ts';
import { selectAll, selectOne } from './queries.ts';
import { insertRows, raw, setExcluded, sql, whereAll, withinRanges } from './sql.ts';
import { rowOf, TASKS } from './tables.ts';

type TaskEnd = NonNullable<NonNullable<Commit['tasks']>['end']>[number];

/**
 * Inside a commit: inserts each task at version 1 or replaces it at the next version, and its
 * rows in the inbox's own table, one per principal who sees it (inbox_entries in migrations.ts),
 * each set of rows in one statement. A task named twice is written once, as it was named last.
 */
export async function upsertTasks(tx: Queryable, tasks: readonly TaskRecord[], businessKey: string | undefined): Promise<void> {
  const latest = [...new Map(tasks.map((task) => [task.id, task])).values()];
  if (latest.length === 0) return;
  const rows = latest.map((task) => ({ ...rowOf(TASKS, { ...task, version: 1 }), business_key: businessKey ?? null }));
  const replace = sql` ON CONFLICT (id) DO UPDATE ${setExcluded([...Object.keys(TASKS.columns), 'business_key'], ['id', 'version'])}, version = tasks.version + 1`;
  for (const statement of insertRows(TASKS.name, rows, replace)) await tx.run(statement);
  await tx.run(sql`DELETE FROM inbox_entries WHERE task_id = ANY(${latest.map((task) => task.id)})`);
  const entries = latest.flatMap((task) =>
    principalsOfTask(task).map((principal) => ({
      task_id: task.id,
      principal,
      status: task.status,
      unit_path: task.unitPath,
      definition_key: task.definitionKey,
      due_order: dueOrder(task),
      priority_order: priorityOrder(task),
      created_at: task.createdAt,
    })),
  );
  for (const statement of insertRows('inbox_entries', entries)) await tx.run(statement);
}

/** Inside a commit: ends an open task of the instance, and its inbox rows with it; an already ended one stays as it was. */
export async function endTask(tx: Queryable, instanceId: string, end: TaskEnd): Promise<void> {
  await tx.run(
    sql`WITH ended AS (
          UPDATE tasks SET status = ${end.status}, ended_at = ${end.at}, ended_by = ${end.by ?? null}, version = version + 1
          WHERE id = ${end.id} AND instance_id = ${instanceId} AND status = 'open' RETURNING id
        )
        UPDATE inbox_entries SET status = ${end.status} WHERE task_id IN (SELECT id FROM ended)`,
  );
}

export function postgresTasks(pg: Postgres): Store['tasks'] {
  return {
    async byId(id) {
      return selectOne(pg, TASKS, sql`WHERE id = ${id}`);
    },
    inbox: postgresInbox(pg),
    count: postgresInboxCount(pg),
    async ofInstance(instanceId) {
      return selectAll(pg, TASKS, sql`WHERE instance_id = ${instanceId} ORDER BY created_at, id`);
    },
    /** Read off tasks_open_by_due. */
    async dueBetween(after, until, limit) {
      return selectAll(
        pg,
        TASKS,
        sql`WHERE status = 'open' AND due_at > ${after} AND due_at <= ${until} ORDER BY due_at, id LIMIT ${limit}`,
      );
    },
    /** Read from the partial index of open tasks alone (tasks_open). */
    async countOpen(reach) {
      const ranges = reach === undefined ? undefined : reachRanges(reach);
      if (ranges?.length === 0) return { total: 0, byDefinition: {} };
      const where = whereAll([sql`status = 'open'`, ...(ranges ? [withinRanges('unit_path', ranges)] : [])]);
      const rows = await pg.rows<{ key: string; open: number }>(
        sql`SELECT definition_key AS key, count(*) AS open FROM ${raw(TASKS.name)} WHERE ${where} GROUP BY definition_key`,
      );
      return {
        total: rows.reduce((sum, row) => sum + row.open, 0),
        byDefinition: Object.fromEntries(rows.map((row) => [row.key, row.open])),
      };
    },
  };
}
