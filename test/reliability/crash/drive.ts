/**
 * The clients of the crash part, each the way its person works: the clerk starts matters and
 * works the inbox, the two signers work theirs, a town's system works the external jobs. They
 * run side by side until `stop()` says so, and write every answer into the ledger. A command
 * refused because the other signer committed on the same instance at the same moment (409
 * SZ_TASK_CONFLICT) is sent again, as a person would click again.
 */
import type { Answer, Api } from '../harness/api.ts';
import type { Command, Ledger } from './ledger.ts';
import { businessKey, CRASH_PROCESS, indexOf, JOB_TYPE, returnsOnce, UNIT } from './model.ts';

export interface Clients {
  readonly clerk: Api;
  readonly secretary: Api;
  readonly member: Api;
  /** Works the external jobs (a town admin: job:work). */
  readonly worker: Api;
}

interface InboxTask {
  readonly id: string;
  readonly instanceId: string;
  readonly businessKey?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items`, at most `parallel` at a time. */
async function pool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** Answers no client expects (a 500, a 400): each is a failure of the part, kept with what was sent. */
export class Surprises {
  readonly seen: string[] = [];
  note(what: string, answer: Answer): void {
    if (this.seen.length < 50) this.seen.push(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

async function carryOut(ledger: Ledger, surprises: Surprises, command: Command, send: () => Promise<Answer>): Promise<void> {
  let retried = false;
  for (let attempt = 0; ; attempt++) {
    const answer = await send();
    retried ||= answer.retried;
    if (answer.status === 409 && answer.body?.code === 'SZ_TASK_CONFLICT' && attempt < 50) {
      ledger.conflicts++;
      await sleep(10 + Math.random() * 40);
      continue;
    }
    const outcome = ledger.record(command, { status: answer.status, retried });
    if (outcome === 'refused' && answer.status !== 409 && answer.status !== 404)
      surprises.note(`${command.verb} ${command.target}`, answer);
    return;
  }
}

export async function startAll(clerk: Api, run: string, instances: number, ledger: Ledger, surprises: Surprises, parallel = 4) {
  const indexes = Array.from({ length: instances }, (_, i) => i);
  await pool(indexes, parallel, async (i) => {
    const answer = await clerk.post('/api/process-instances', {
      definitionKey: CRASH_PROCESS,
      orgUnit: UNIT,
      businessKey: businessKey(run, i),
      variables: { index: i },
    });
    // 200 is the instance a first try had started: the same business key answers it again.
    if (answer.status === 201 || (answer.status === 200 && answer.retried)) ledger.started.set(i, answer.body.id);
    else surprises.note(`start ${i}`, answer);
  });
}

/** Reads the inbox, works what it shows, reads again, until stopped. */
async function workInbox(api: Api, stop: () => boolean, act: (task: InboxTask) => Promise<void>, parallel = 3): Promise<void> {
  while (!stop()) {
    const page = await api.get(`/api/tasks?definitionKey=${CRASH_PROCESS}&limit=60`);
    const items = page.status === 200 ? (page.body.items as InboxTask[]) : [];
    if (items.length === 0) await sleep(250);
    else await pool(items, parallel, act);
  }
}

export function clerkWorks(clients: Clients, ledger: Ledger, surprises: Surprises, stop: () => boolean) {
  const { clerk } = clients;
  return workInbox(clerk, stop, (task) =>
    carryOut(ledger, surprises, { verb: 'complete', target: task.id, instanceId: task.instanceId, actor: clerk.userId }, () =>
      clerk.post(`/api/tasks/${task.id}/complete`, { variables: { note: '材料齐全' } }),
    ),
  );
}

/**
 * The secretary sends an instance back to the clerk once when its plan says so (to: 'apply', as
 * the default target is the most recent user step, which is the other signer's vote when they
 * voted first, and would restart the countersign instead). Whether it was sent back already is
 * what the ledger says; when the answer was lost in a crash (an unsure return), the instance's
 * history says.
 */
export function secretaryWorks(clients: Clients, ledger: Ledger, surprises: Surprises, stop: () => boolean) {
  const { secretary } = clients;
  const returnedBefore = async (instanceId: string) => {
    const mine = (c: { verb: string; instanceId: string }) => c.verb === 'return' && c.instanceId === instanceId;
    if (ledger.acknowledged.some(mine)) return true;
    if (!ledger.uncertain.some(mine)) return false;
    const detail = await secretary.get(`/api/process-instances/${instanceId}`);
    return (detail.body.history as { type: string }[]).some((h) => h.type === 'TaskReturned');
  };
  return workInbox(secretary, stop, async (task) => {
    const plan = returnsOnce(indexOf(task.businessKey ?? ''));
    if (plan && !(await returnedBefore(task.instanceId))) {
      await carryOut(ledger, surprises, { verb: 'return', target: task.id, instanceId: task.instanceId, actor: secretary.userId }, () =>
        secretary.post(`/api/tasks/${task.id}/return`, { to: 'apply', reason: '材料不全，请补充' }),
      );
    } else {
      await carryOut(ledger, surprises, { verb: 'complete', target: task.id, instanceId: task.instanceId, actor: secretary.userId }, () =>
        secretary.post(`/api/tasks/${task.id}/complete`, { variables: { decision: '同意' } }),
      );
    }
  });
}

export function memberWorks(clients: Clients, ledger: Ledger, surprises: Surprises, stop: () => boolean) {
  const { member } = clients;
  return workInbox(member, stop, (task) =>
    carryOut(ledger, surprises, { verb: 'complete', target: task.id, instanceId: task.instanceId, actor: member.userId }, () =>
      member.post(`/api/tasks/${task.id}/complete`, { variables: { decision: '同意' } }),
    ),
  );
}

/** The town's system: fetch-and-lock a batch, complete each under its lock, fetch again. */
export async function workerWorks(clients: Clients, ledger: Ledger, surprises: Surprises, stop: () => boolean): Promise<void> {
  const { worker } = clients;
  const name = 'reliability-worker';
  while (!stop()) {
    const fetched = await worker.post('/api/jobs/fetch-and-lock', {
      types: [JOB_TYPE],
      worker: name,
      max: 40,
      lockMs: 10_000,
      longPollMs: 500,
    });
    if (fetched.status !== 200) {
      surprises.note('fetch-and-lock', fetched);
      await sleep(250);
      continue;
    }
    await pool(fetched.body.items as { id: string; instanceId: string }[], 4, (job) =>
      carryOut(ledger, surprises, { verb: 'job', target: job.id, instanceId: job.instanceId, actor: worker.userId }, () =>
        worker.post(`/api/jobs/${job.id}/complete`, { worker: name, variables: { checked: true } }),
      ),
    );
  }
}

/**
 * Right after a restart, what each person's inbox shows (its first 200 tasks, read in one query):
 * nobody holds two open tasks of one instance at one step, as a task opened again on recovery
 * would show. The answer names each such pair.
 */
export async function openTwice(clients: Clients): Promise<string[]> {
  const out: string[] = [];
  for (const api of [clients.clerk, clients.secretary, clients.member]) {
    const inbox = await api.get(`/api/tasks?definitionKey=${CRASH_PROCESS}&limit=200`);
    const seen = new Map<string, number>();
    for (const t of (inbox.body?.items ?? []) as { instanceId: string; elementId: string }[]) {
      const at = `${t.instanceId} at ${t.elementId}`;
      seen.set(at, (seen.get(at) ?? 0) + 1);
    }
    for (const [at, n] of seen) if (n > 1) out.push(`${api.username} holds ${n} open tasks of ${at}`);
  }
  return out;
}
