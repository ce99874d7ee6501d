import { principalsOfTask } from '../inbox.ts';
import type { Commit, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { TaskRecord } from '../records.ts';
import { dueOrder, priorityOrder } from '../sorts.ts';
import { sqliteInbox, sqliteInboxCount } from './inbox.ts';
import { TASK_COLUMNS, type TaskRow, taskRow, toTask } from './rows.ts';
import { insertInto, type Sqlite, whereAll, withinRanges } from './sql.ts';

type TaskEnd = NonNullable<NonNullable<Commit['tasks']>['end']>[number];

const UPSERT_TASK = `${insertInto('tasks', TASK_COLUMNS)} ON CONFLICT (id) DO UPDATE SET ${TASK_COLUMNS.filter(
  (c) => c !== 'id' && c !== 'version',
)
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}, version = tasks.version + 1`;

/**
 * Inside a commit: inserts the task at version 1 or replaces it at the next version, and its rows
 * in the inbox's own table, one per principal who sees it (see inbox_entries in migrations.ts).
 */
export function upsertTask({ statement }: Sqlite, task: TaskRecord, businessKey: string | undefined): void {
  statement(UPSERT_TASK).run(taskRow({ ...task, version: 1 }, businessKey));
  statement('DELETE FROM inbox_entries WHERE task_id = ?').run(task.id);
  const insert = statement(
    `INSERT INTO inbox_entries (task_id, principal, status, unit_path, definition_key, due_order, priority_order, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const principal of principalsOfTask(task)) {
    insert.run(task.id, principal, task.status, task.unitPath, task.definitionKey, dueOrder(task), priorityOrder(task), task.createdAt);
  }
}

/** Inside a commit: ends an open task of the instance; an already ended one stays as it was. */
export function endTask({ statement }: Sqlite, instanceId: string, end: TaskEnd): void {
  const { changes } = statement(
    `UPDATE tasks SET status = ?, ended_at = ?, ended_by = ?, version = version + 1 WHERE id = ? AND instance_id = ? AND status = 'open'`,
  ).run(end.status, end.at, end.by ?? null, end.id, instanceId);
  if (changes > 0) statement('UPDATE inbox_entries SET status = ? WHERE task_id = ?').run(end.status, end.id);
}

export function sqliteTasks(sqlite: Sqlite): Store['tasks'] {
  const { statement } = sqlite;
  return {
    async byId(id) {
      const row = statement('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
      return row && toTask(row);
    },
    inbox: sqliteInbox(sqlite),
    count: sqliteInboxCount(sqlite),
    async ofInstance(instanceId) {
      // Sorted here, not by SQLite's sorter: an instance has few tasks.
      const rows = statement('SELECT * FROM tasks WHERE instance_id = ?').all(instanceId) as TaskRow[];
      return rows.map(toTask).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    /** Read off tasks_open_by_due. */
    async dueBetween(after, until, limit) {
      const rows = statement("SELECT * FROM tasks WHERE status = 'open' AND due_at > ? AND due_at <= ? ORDER BY due_at, id LIMIT ?").all(
        after,
        until,
        limit,
      ) as TaskRow[];
      return rows.map(toTask);
    },
    /** Read from the partial index of open tasks alone (tasks_open). */
    async countOpen(reach) {
      const ranges = reach === undefined ? undefined : reachRanges(reach);
      if (ranges?.length === 0) return { total: 0, byDefinition: {} };
      const where = whereAll([{ sql: "status = 'open'", params: [] }, ...(ranges ? [withinRanges('unit_path', ranges)] : [])]);
      const rows = statement(`SELECT definition_key AS key, count(*) AS open FROM tasks WHERE ${where.sql} GROUP BY definition_key`).all(
        ...where.params,
      ) as { key: string; open: number }[];
      return {
        total: rows.reduce((sum, row) => sum + row.open, 0),
        byDefinition: Object.fromEntries(rows.map((row) => [row.key, row.open])),
      };
    },
  };
}
