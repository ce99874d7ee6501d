/**
 * Part 2, races: on one server (a child process on a fresh embedded store), for many instances
 * at once, requests that cannot all hold are fired together at the same task or instance. Each
 * race must have exactly one winner (2xx), every loser a 409, and afterwards the instance must be
 * in the winner's state with no one else's work in its history, and consistent (replay, tasks,
 * notifications) as the crash part checks it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Answer, signIn } from '../harness/api.ts';
import { consistencyProblems, factsOf, tally } from '../harness/consistency.ts';
import { startRestartable } from '../harness/server.ts';
import { openCopy } from '../harness/storeCopy.ts';
import type { PartResult } from '../report.ts';
import { type Arena, type People, RACE_KINDS, type RaceKind, type Racer } from './kinds.ts';
import { APPROVERS, AUDITOR, RACE_PROCESS, RACE_XML, STARTER, TOWN, TOWN_ADMIN, UNIT, VILLAGE_ADMIN } from './model.ts';

export interface RacesOptions {
  /** Races of each kind, all fired at once. */
  readonly perKind: number;
  readonly log: (line: string) => void;
}

interface Fought {
  readonly kind: RaceKind;
  readonly arena: Arena;
  /** Events the instance had when the race began: those after it are the race's. */
  readonly before: number;
  readonly racers: readonly Racer[];
  readonly answers: readonly Answer[];
}

async function pool<T, R>(items: readonly T[], parallel: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T, i);
      }
    }),
  );
  return out;
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export async function racesPart(o: RacesOptions): Promise<PartResult> {
  const began = performance.now();
  const folder = mkdtempSync(join(tmpdir(), 'shanzhi-reliability-races-'));
  const server = await startRestartable(join(folder, 'data'));
  const failures: string[] = [];
  const fought: Fought[] = [];
  try {
    const admin = await signIn(server.url, TOWN_ADMIN);
    const deployed = await admin.post('/api/deployments', { xml: RACE_XML, unit: TOWN });
    if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${JSON.stringify(deployed.body)}`);
    const people: People = {
      starter: await signIn(server.url, STARTER),
      approvers: await Promise.all(APPROVERS.map((u) => signIn(server.url, u))),
      villageAdmin: await signIn(server.url, VILLAGE_ADMIN),
      townAdmin: admin,
    };

    for (const [k, kind] of RACE_KINDS.entries()) {
      const start = (i: number) => async () => {
        const businessKey = `RACE-${k}-${i}`;
        const res = await people.starter.post('/api/process-instances', { definitionKey: RACE_PROCESS, orgUnit: UNIT, businessKey });
        if (res.status !== 201) throw new Error(`start ${businessKey}: ${res.status} ${JSON.stringify(res.body)}`);
        return { instanceId: res.body.id as string, businessKey };
      };
      const indexes = Array.from({ length: o.perKind }, (_, i) => i);
      const arenas = await pool(indexes, 4, async (i) => {
        const arena = await kind.setup(people, start(i));
        const detail = await admin.get(`/api/process-instances/${arena.instanceId}`);
        return { arena, before: (detail.body.history as unknown[]).length };
      });
      // Every racer of every race at once: the server sees them interleaved as it would at a rush.
      const raced = await Promise.all(
        arenas.map(async ({ arena, before }) => {
          // In a random order each time, so each kind of request gets to win some.
          const racers = shuffled(kind.racers(people, arena));
          const answers = await Promise.all(racers.map((r) => r.send()));
          return { kind, arena, before, racers, answers };
        }),
      );
      fought.push(...raced);
      o.log(`races: ${kind.name}: ${raced.length} races of ${raced[0]?.racers.length ?? 0} requests each`);
    }
    const auditor = await signIn(server.url, AUDITOR);
    const audit = await auditor.get('/api/audit/verify');
    if (audit.status !== 200 || audit.body.ok !== true) failures.push(`audit verify: ${audit.status} ${JSON.stringify(audit.body)}`);
    const code = await server.stop();
    if (code !== 0) failures.push(`the server's graceful stop exited ${code}`);

    // The answers: exactly one winner, every loser refused with 409.
    const loserCodes = new Map<string, number>();
    for (const f of fought) {
      const winners = f.answers.filter((a) => a.status >= 200 && a.status < 300);
      if (winners.length !== 1)
        failures.push(`${f.kind.name} on ${f.arena.instanceId}: ${winners.length} winners (${f.answers.map((a) => a.status).join(', ')})`);
      for (const [i, a] of f.answers.entries()) {
        if (a.status >= 200 && a.status < 300) continue;
        const code = `${a.status} ${a.body?.code ?? ''}`.trim();
        loserCodes.set(code, (loserCodes.get(code) ?? 0) + 1);
        if (a.status !== 409) failures.push(`${f.kind.name} on ${f.arena.instanceId}: ${f.racers[i]?.label} lost with ${code}, not 409`);
      }
    }

    // The state: the winner's, and consistent.
    const copy = openCopy(server.dataDir);
    const problems = [];
    let wrong = 0;
    try {
      for (const f of fought) {
        const winnerAt = f.answers.findIndex((a) => a.status >= 200 && a.status < 300);
        const winner = f.racers[winnerAt];
        const instance = await copy.store.instances.byId(f.arena.instanceId);
        if (!instance) {
          failures.push(`${f.kind.name}: instance ${f.arena.instanceId} not in the store`);
          continue;
        }
        const facts = await factsOf(copy.store, instance);
        problems.push(...consistencyProblems(facts));
        if (!winner) continue;
        const judged = f.kind.judge(winner, people, instance, facts.tasks);
        wrong += judged.length;
        for (const p of judged) failures.push(`${f.kind.name} won by ${winner.label} on ${instance.id}: ${p}`);
        const strangers = facts.events.slice(f.before).filter((e) => e.actor !== winner.api.userId && !e.actor.startsWith('system:'));
        if (strangers.length > 0) {
          wrong++;
          failures.push(
            `${f.kind.name} won by ${winner.label} on ${instance.id}: ${strangers.length} events by a loser (${strangers.map((e) => e.event.type).join(', ')})`,
          );
        }
      }
    } finally {
      await copy.store.close();
      rmSync(copy.dir, { recursive: true, force: true });
    }
    failures.push(...problems.map((p) => `${p.kind}: ${p.instanceId} ${p.what}`));
    const t = tally(problems);
    const byKind = RACE_KINDS.map((kind) => {
      const wins = new Map<string, number>();
      for (const f of fought.filter((x) => x.kind === kind)) {
        const w = f.racers[f.answers.findIndex((a) => a.status >= 200 && a.status < 300)]?.label ?? 'nobody';
        wins.set(w, (wins.get(w) ?? 0) + 1);
      }
      return `${kind.name} (won by ${[...wins].map(([w, n]) => `${w} ${n}`).join(', ')})`;
    });
    return {
      name: 'races',
      ok: failures.length === 0,
      failures,
      races: fought.length,
      lost: t.lost,
      duplicated: t.duplicated,
      seconds: (performance.now() - began) / 1000,
      summary:
        `races ${fought.length}: ${byKind.join('; ')}; losers answered ${[...loserCodes].map(([c, n]) => `${c} ×${n}`).join(', ')}; ` +
        `not the winner's state ${wrong}; audit ${audit.body?.ok === true ? 'ok' : 'BROKEN'}; lost = ${t.lost}, duplicated = ${t.duplicated}, torn = ${t.torn}`,
    };
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
