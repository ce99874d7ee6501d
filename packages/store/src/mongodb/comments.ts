import type { Store } from '../port.ts';
import type { CommentRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';

export function mongoComments({ comments }: Collections): Store['comments'] {
  return {
    async add(comment) {
      await refusingDuplicates(
        () => comments.insertOne(documentOf(comment)),
        () => `comment ${comment.id}`,
      );
    },
    async ofTask(taskId) {
      return (await comments.find({ taskId }).sort({ at: 1, _id: 1 }).toArray()).map((doc) => recordOf<CommentRecord>(doc));
    },
  };
}
