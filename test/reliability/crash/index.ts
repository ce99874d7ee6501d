/**
 * Part 1, crash: the server as a child process on a fresh embedded store, several clients
 * driving instances of the crash procedure, and SIGKILL at random moments, the server started
 * again each time on the same data. At the end the timers and jobs drain, the audit chain is
 * verified through the API, the server stops, and the store it left is checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from '../harness/api.ts';
import { tally } from '../harness/consistency.ts';
import { DAMAGE_COUNT } from '../harness/selfCheck.ts';
import { startRestartable } from '../harness/server.ts';
import { openCopy } from '../harness/storeCopy.ts';
import type { PartResult } from '../report.ts';
import { checkCrash } from './check.ts';
import { type Clients, clerkWorks, memberWorks, openTwice, Surprises, secretaryWorks, startAll, workerWorks } from './drive.ts';
import { Ledger } from './ledger.ts';
import { AUDITOR, CLERK, CRASH_PROCESS, CRASH_XML, MEMBER, SECRETARY, TOWN, TOWN_ADMIN } from './model.ts';

export interface CrashOptions {
  readonly instances: number;
  readonly crashes: number;
  /** The longest the drive and drain may take before the part fails as stuck. */
  readonly withinMs: number;
  readonly log: (line: string) => void;
}

/** Commands acknowledged per instance, near enough: the clerk's step, the job, two signatures, a quarter sent back and run again. */
const COMMANDS_PER_INSTANCE = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function crashPart(o: CrashOptions): Promise<PartResult> {
  const began = performance.now();
  const folder = mkdtempSync(join(tmpdir(), 'shanzhi-reliability-crash-'));
  const server = await startRestartable(join(folder, 'data'));
  const failures: string[] = [];
  try {
    const admin = await signIn(server.url, TOWN_ADMIN);
    const deployed = await admin.post('/api/deployments', { xml: CRASH_XML, unit: TOWN });
    if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${JSON.stringify(deployed.body)}`);
    const clients: Clients = {
      clerk: await signIn(server.url, CLERK),
      secretary: await signIn(server.url, SECRETARY),
      member: await signIn(server.url, MEMBER),
      worker: admin,
    };
    const run = Date.now().toString(36);
    const ledger = new Ledger();
    const surprises = new Surprises();
    const deadline = Date.now() + o.withinMs;

    // Kills at random moments spread over the whole drive, however fast this machine is today: each
    // when the acknowledged commands pass a random share of those the run will need (about five an
    // instance), and each only after the server is back from the one before.
    let killed = false;
    const twice: string[] = [];
    const expected = COMMANDS_PER_INSTANCE * o.instances;
    const moments = Array.from({ length: o.crashes }, () => Math.floor(expected * (0.05 + 0.8 * Math.random()))).sort((a, b) => a - b);
    const killer = (async () => {
      for (const [k, moment] of moments.entries()) {
        while (ledger.acknowledged.length < moment && Date.now() < deadline) await sleep(50);
        await sleep(Math.random() * 500);
        await server.crashAndRestart();
        twice.push(...(await openTwice(clients)).map((w) => `after restart ${k + 1}: ${w}`));
        o.log(
          `crash: killed with SIGKILL and restarted (${k + 1}/${o.crashes}), ${ledger.acknowledged.length} commands acknowledged so far`,
        );
      }
      killed = true;
    })();

    // Done when every start is acknowledged, the crashes are behind us and no instance of the run is active.
    let drained = false;
    const stop = () => drained || Date.now() > deadline;
    const starting = startAll(clients.clerk, run, o.instances, ledger, surprises);
    const monitor = (async () => {
      await starting;
      while (!stop()) {
        await sleep(1_000);
        const active = await admin.get(`/api/process-instances?definitionKey=${CRASH_PROCESS}&status=active&limit=1`);
        if (killed && active.status === 200 && active.body.items.length === 0) drained = true;
      }
    })();
    await Promise.all([
      starting,
      killer,
      monitor,
      clerkWorks(clients, ledger, surprises, stop),
      secretaryWorks(clients, ledger, surprises, stop),
      memberWorks(clients, ledger, surprises, stop),
      workerWorks(clients, ledger, surprises, stop),
    ]);
    const drivenS = (performance.now() - began) / 1000;
    if (!drained) failures.push(`not drained within ${o.withinMs / 1000} s`);
    if (server.crashes !== o.crashes) failures.push(`${server.crashes} crashes of the ${o.crashes} planned happened before the deadline`);
    failures.push(...surprises.seen, ...twice.map((w) => `duplicated: ${w}`));

    const auditor = await signIn(server.url, AUDITOR);
    const audit = await auditor.get('/api/audit/verify');
    if (audit.status !== 200 || audit.body.ok !== true) failures.push(`audit verify: ${audit.status} ${JSON.stringify(audit.body)}`);
    const code = await server.stop();
    if (code !== 0) failures.push(`the server's graceful stop exited ${code}`);

    const copy = openCopy(server.dataDir);
    try {
      const { problems, counts, blind } = await checkCrash(copy.store, ledger, run, o.instances, {
        secretary: clients.secretary.userId,
        member: clients.member.userId,
      });
      failures.push(...problems.map((p) => `${p.kind}: ${p.instanceId} ${p.what}`), ...blind);
      const t = tally(problems);
      const seconds = (performance.now() - began) / 1000;
      const restarts = server.startMs.slice(1).map((ms) => (ms / 1000).toFixed(1));
      return {
        name: 'crash',
        ok: failures.length === 0,
        failures,
        instances: counts.instances,
        crashes: server.crashes,
        lost: t.lost,
        duplicated: t.duplicated + twice.length,
        seconds,
        summary:
          `instances ${counts.instances}, crashes survived ${server.crashes} (restarts ${restarts.join(', ')} s), ` +
          `commands acknowledged ${ledger.acknowledged.length}, unsure after a retry ${ledger.uncertain.length}, resent ${ledger.retried}, ` +
          `signer conflicts retried ${ledger.conflicts}; tasks ${counts.tasks}, jobs done ${counts.jobsDone}, timers fired ${counts.timersFired}, ` +
          `returns ${counts.returns}, notifications ${counts.announcements}; audit ${audit.body?.ok === true ? 'ok' : 'BROKEN'}; ` +
          `checks seeing ${DAMAGE_COUNT - blind.length} of ${DAMAGE_COUNT} kinds of damage done to a copy; ` +
          `open tasks held twice in the inboxes read after each restart ${twice.length}; ` +
          `lost = ${t.lost}, duplicated = ${t.duplicated + twice.length}, torn = ${t.torn}; driven and drained in ${drivenS.toFixed(0)} s`,
      };
    } finally {
      await copy.store.close();
      rmSync(copy.dir, { recursive: true, force: true });
    }
  } finally {
    await server.stop();
    // RELIABILITY_KEEP=1 keeps the data dir to look into after a failure.
    if (process.env.RELIABILITY_KEEP === '1') o.log(`crash: data kept in ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}
