import type { Store } from '../port.ts';
import { refusingDuplicates } from './errors.ts';
import { COMMENT_COLUMNS, type CommentRow, commentRow, toComment } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

export function sqliteComments({ statement, write }: Sqlite): Store['comments'] {
  return {
    async add(comment) {
      await write(() =>
        refusingDuplicates(
          () => statement(insertInto('comments', COMMENT_COLUMNS)).run(commentRow(comment)),
          () => `comment ${comment.id}`,
        ),
      );
    },
    async ofTask(taskId) {
      return (statement('SELECT * FROM comments WHERE task_id = ? ORDER BY at, id').all(taskId) as CommentRow[]).map(toComment);
    },
  };
}
