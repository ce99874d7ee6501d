import type { ElementModel } from '../model/types.ts';
import type { Processing } from '../processing/processing.ts';
import type { UserTaskState } from '../state/types.ts';

/** Records who holds a new user task and asks the host to put it in their inbox. */
export function openInboxTask(p: Processing, key: string, el: ElementModel, task: UserTaskState, returned?: boolean): void {
  p.write({ type: 'UserTaskUpdated', key, task });
  p.effect({
    type: 'OpenUserTask',
    instance: p.state.id,
    key,
    el: el.id,
    ...(el.name === undefined ? {} : { name: el.name }),
    ...(el.form === undefined ? {} : { form: el.form }),
    ...(returned ? { returned: true } : {}),
    ...task,
  });
}
