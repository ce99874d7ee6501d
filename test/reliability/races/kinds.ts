/**
 * The races: for one instance set up just so, the requests fired at once, and what the state
 * must be after whichever of them won. Each kind pits commands that cannot all hold: the first
 * to commit wins, every other must be refused with 409, and the instance must show the winner's
 * work and no one else's.
 */
import type { InstanceRecord, TaskRecord } from '@shanzhi/store';
import type { Answer, Api } from '../harness/api.ts';

export interface Racer {
  readonly label: string;
  readonly api: Api;
  readonly send: () => Promise<Answer>;
}

export interface Arena {
  readonly instanceId: string;
  /** The task fought over, when the race is over a task. */
  readonly taskId?: string;
}

/** An instance started for a race, with the business key its tasks are found by in an inbox. */
export interface Started {
  readonly instanceId: string;
  readonly businessKey: string;
}

export interface People {
  readonly starter: Api;
  readonly approvers: readonly Api[];
  readonly villageAdmin: Api;
  readonly townAdmin: Api;
}

export interface RaceKind {
  readonly name: string;
  /** Puts an instance where the race starts. */
  setup(people: People, start: () => Promise<Started>): Promise<Arena>;
  racers(people: People, arena: Arena): Racer[];
  /** What is wrong with the instance after `winner` won (nothing: an empty list). */
  judge(winner: Racer, people: People, instance: InstanceRecord, tasks: readonly TaskRecord[]): string[];
}

/** The open task of an instance at a step, as its candidates' inboxes show it (searched by its business key). */
async function openTaskAt(api: Api, { instanceId, businessKey }: Started, step: string): Promise<string> {
  for (let tries = 0; tries < 20; tries++) {
    const inbox = await api.get(`/api/tasks?definitionKey=reliability_races&limit=50&text=${encodeURIComponent(businessKey)}`);
    const task = (inbox.body.items as { id: string; instanceId: string; elementId: string }[]).find(
      (t) => t.instanceId === instanceId && t.elementId === step,
    );
    if (task) return task.id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no open ${step} task of ${instanceId} in ${api.username}'s inbox`);
}

function expect(problems: string[], ok: boolean, what: string): void {
  if (!ok) problems.push(what);
}

const stepsOpen = (tasks: readonly TaskRecord[]) =>
  tasks
    .filter((t) => t.status === 'open')
    .map((t) => t.elementId)
    .sort();

/** Three approvers claim one group task: one holds it. */
const claim: RaceKind = {
  name: 'claim',
  async setup(people, start) {
    const started = await start();
    return { instanceId: started.instanceId, taskId: await openTaskAt(people.approvers[0] as Api, started, 'first') };
  },
  racers: (people, { taskId }) =>
    people.approvers.map((api) => ({ label: `claim by ${api.username}`, api, send: () => api.post(`/api/tasks/${taskId}/claim`) })),
  judge(winner, _people, _instance, tasks) {
    const problems: string[] = [];
    const first = tasks.filter((t) => t.elementId === 'first');
    expect(
      problems,
      first.length === 1 && first[0]?.status === 'open',
      `first: ${first.map((t) => t.status).join(', ')}, expected one open`,
    );
    expect(problems, first[0]?.assignee === winner.api.userId, `first held by ${first[0]?.assignee}, the winner is ${winner.api.userId}`);
    return problems;
  },
};

/** Three approvers complete one unclaimed group task: it is completed once, by one of them. */
const complete: RaceKind = {
  name: 'complete',
  async setup(people, start) {
    const started = await start();
    return { instanceId: started.instanceId, taskId: await openTaskAt(people.approvers[0] as Api, started, 'first') };
  },
  racers: (people, { taskId }) =>
    people.approvers.map((api) => ({
      label: `complete by ${api.username}`,
      api,
      send: () => api.post(`/api/tasks/${taskId}/complete`, { variables: { opinion: `${api.username} 同意` } }),
    })),
  judge(winner, _people, instance, tasks) {
    const problems: string[] = [];
    const first = tasks.filter((t) => t.elementId === 'first');
    expect(
      problems,
      first.length === 1 && first[0]?.endedBy === winner.api.userId,
      `first ended by ${first[0]?.endedBy}, won by ${winner.api.userId}`,
    );
    expect(problems, stepsOpen(tasks).join() === 'second', `open steps ${stepsOpen(tasks).join()}, expected second`);
    const opinion = instance.state.els[instance.state.root]?.vars?.opinion;
    expect(problems, opinion === `${winner.api.username} 同意`, `the instance holds the opinion '${String(opinion)}', not the winner's`);
    return problems;
  },
};

/** At the second step, one approver sends it back (退回) while two complete it. */
const completeOrReturn: RaceKind = {
  name: 'complete or return',
  async setup(people, start) {
    const started = await start();
    const [first] = people.approvers as [Api];
    const task = await openTaskAt(first, started, 'first');
    const done = await first.post(`/api/tasks/${task}/complete`, { variables: { opinion: '初审同意' } });
    if (done.status !== 200) throw new Error(`setup: completing first answered ${done.status}`);
    return { instanceId: started.instanceId, taskId: await openTaskAt(first, started, 'second') };
  },
  racers: (people, { taskId }) => {
    const [a, b, c] = people.approvers as [Api, Api, Api];
    return [
      {
        label: `return by ${b.username}`,
        api: b,
        send: () => b.post(`/api/tasks/${taskId}/return`, { to: 'first', reason: '请重新初审' }),
      },
      { label: `complete by ${a.username}`, api: a, send: () => a.post(`/api/tasks/${taskId}/complete`, {}) },
      { label: `complete by ${c.username}`, api: c, send: () => c.post(`/api/tasks/${taskId}/complete`, {}) },
    ];
  },
  judge(winner, people, instance, tasks) {
    const problems: string[] = [];
    const second = tasks.filter((t) => t.elementId === 'second');
    if (winner.label.startsWith('return')) {
      expect(problems, instance.status === 'active', `returned, yet the instance is ${instance.status}`);
      expect(
        problems,
        second.length === 1 && second[0]?.status === 'cancelled',
        `second: ${second.map((t) => t.status).join()}, expected cancelled`,
      );
      const reopened = tasks.filter((t) => t.elementId === 'first' && t.status === 'open');
      expect(problems, reopened.length === 1, `${reopened.length} open first tasks after the return, expected 1`);
      // 退回 gives the step back to whoever did it last.
      expect(problems, reopened[0]?.assignee === people.approvers[0]?.userId, `the returned first step went to ${reopened[0]?.assignee}`);
    } else {
      expect(problems, instance.status === 'completed', `completed by ${winner.label}, yet the instance is ${instance.status}`);
      expect(problems, second.length === 1 && second[0]?.endedBy === winner.api.userId, `second ended by ${second[0]?.endedBy}`);
      expect(problems, stepsOpen(tasks).length === 0, `open steps ${stepsOpen(tasks).join()} in a completed instance`);
    }
    return problems;
  },
};

/**
 * The clerk withdraws (撤回) the matter she started while the village's and the town's admins
 * cancel it. (A completion is no rival of a cancel: an admin may cancel an instance after its
 * step was completed, so both can rightly succeed one after the other; it races the withdrawal
 * below instead.)
 */
const withdrawOrCancel: RaceKind = {
  name: 'withdraw or cancel',
  async setup(_people, start) {
    return { instanceId: (await start()).instanceId };
  },
  racers: (people, { instanceId }) => [
    {
      label: 'withdraw',
      api: people.starter,
      send: () => people.starter.post(`/api/process-instances/${instanceId}/withdraw`, { reason: '填错了' }),
    },
    ...[people.villageAdmin, people.townAdmin].map((api) => ({
      label: `cancel by ${api.username}`,
      api,
      send: () => api.post(`/api/process-instances/${instanceId}/cancel`, { reason: '重复申报' }),
    })),
  ],
  judge(winner, _people, instance, tasks) {
    const problems: string[] = [];
    const expected = winner.label === 'withdraw' ? 'withdrawn' : 'cancelled';
    expect(problems, instance.status === expected, `won by ${winner.label}, yet the instance is ${instance.status}`);
    expect(problems, stepsOpen(tasks).length === 0, `won by ${winner.label}, open steps '${stepsOpen(tasks).join()}'`);
    return problems;
  },
};

/** The clerk withdraws the matter while two approvers complete its first step: once anyone else acted, it is too late. */
const withdrawOrComplete: RaceKind = {
  name: 'withdraw or complete',
  async setup(people, start) {
    const started = await start();
    return { instanceId: started.instanceId, taskId: await openTaskAt(people.approvers[0] as Api, started, 'first') };
  },
  racers: (people, { instanceId, taskId }) => [
    { label: 'withdraw', api: people.starter, send: () => people.starter.post(`/api/process-instances/${instanceId}/withdraw`, {}) },
    ...people.approvers.slice(0, 2).map((api) => ({
      label: `complete by ${api.username}`,
      api,
      send: () => api.post(`/api/tasks/${taskId}/complete`, {}),
    })),
  ],
  judge(winner, _people, instance, tasks) {
    const problems: string[] = [];
    if (winner.label === 'withdraw') {
      expect(problems, instance.status === 'withdrawn', `withdrawn, yet the instance is ${instance.status}`);
      expect(problems, stepsOpen(tasks).length === 0, `withdrawn, open steps '${stepsOpen(tasks).join()}'`);
    } else {
      const first = tasks.filter((t) => t.elementId === 'first');
      expect(problems, instance.status === 'active', `completed its first step, yet the instance is ${instance.status}`);
      expect(problems, first[0]?.endedBy === winner.api.userId, `first ended by ${first[0]?.endedBy}, won by ${winner.api.userId}`);
      expect(problems, stepsOpen(tasks).join() === 'second', `open steps '${stepsOpen(tasks).join()}', expected second`);
    }
    return problems;
  },
};

export const RACE_KINDS: readonly RaceKind[] = [claim, complete, completeOrReturn, withdrawOrCancel, withdrawOrComplete];
