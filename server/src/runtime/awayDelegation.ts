import type { DelegationRecord, TaskRecord } from '@shanzhi/store';

/** The delegation that holds now for a user's new tasks of a procedure (Store.delegations.activeFor at the commit's time). */
export type DelegationFor = (userId: string, definitionKey: string) => Promise<DelegationRecord | undefined>;

type Holder = Pick<TaskRecord, 'assignee' | 'onBehalfOf'>;

/**
 * 委托 while a user is away: a new task assigned to them goes to their deputy, on their behalf.
 * Only the assignee is followed: candidate users and groups stay as they are, since the others
 * offered the task can take it. One hop: a deputy who is away too keeps the task. Each user is
 * looked up once however many of the commit's tasks name them.
 */
export function awayDelegation(delegationFor: DelegationFor, definitionKey: string) {
  const deputies = new Map<string, Promise<string | undefined>>();
  const deputyOf = (userId: string) => {
    let deputy = deputies.get(userId);
    if (deputy === undefined) {
      deputy = delegationFor(userId, definitionKey).then((d) => d?.deputyId);
      deputies.set(userId, deputy);
    }
    return deputy;
  };

  return {
    /** Who holds a task opened for `fields.assignee`: the deputy, saying for whom, while that user is away. */
    async opened<F extends Holder>(fields: F): Promise<F & Holder> {
      if (fields.assignee === undefined) return fields;
      const deputy = await deputyOf(fields.assignee);
      return deputy === undefined ? fields : { ...fields, assignee: deputy, onBehalfOf: fields.assignee };
    },
  };
}

/**
 * The engine knows nothing of deputies: its update of a task a deputy holds still names the user
 * it was meant for. While it does, the deputy keeps the task; a new holder ends the deputy's turn.
 */
export function updatedHolder<F extends Holder>(current: Holder, fields: F): F & Holder {
  if (current.onBehalfOf === undefined || fields.assignee !== current.onBehalfOf) return fields;
  return { ...fields, assignee: current.assignee, onBehalfOf: current.onBehalfOf };
}
