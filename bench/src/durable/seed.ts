/**
 * What the durable benchmarks set up before they measure: a temporary data dir, the embedded
 * store on it, an organisation tree, users with roles, deployed definitions, and instances
 * started through the server's own runtime (engine start → effects → one `Store.commit` per
 * instance), never through HTTP.
 *
 * Loading opens the embedded store as a server does (`createSqliteStore`), with a larger page
 * cache. Commits made together (`inBatches`) share transactions through the store's group
 * commit, as a busy server's do; what lands in the tables is exactly what `commit` writes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, Store, UnitKind } from '@shanzhi/store';
import { createPostgresStore } from '@shanzhi/store/postgres';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import { hashPassword } from '../../../server/src/auth/password.ts';
import { timeOrderedId } from '../../../server/src/ids.ts';
import { Metrics, serverMetrics } from '../../../server/src/metrics.ts';
import type { LoadedDefinition } from '../../../server/src/runtime/definitions.ts';
import { createRuntime, type Runtime } from '../../../server/src/runtime/index.ts';

export const DB_FILE = 'shanzhi.db';
export const PASSWORD = 'bench-password';

/** A temporary data dir (removed by `dispose`). */
export function tempDataDir(name: string): { dir: string; file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), `shanzhi-bench-${name}-`));
  return { dir, file: join(dir, DB_FILE), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Loader {
  readonly store: Store;
  readonly runtime: Runtime;
  /** Runs `work(i)` for i in [from, to), `size` at a time, together (their commits are grouped). */
  inBatches(from: number, to: number, size: number, work: (i: number) => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

const silent = {
  level: 'silent',
  fatal: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
  silent: () => undefined,
  child: () => silent,
} as unknown as Parameters<typeof createRuntime>[0]['log'];

/**
 * The loader connection's page cache: 1 GiB, so the indexes of a million instances stay in
 * memory while they are written (a server keeps 64 MiB). Per connection: the file the servers
 * open is unchanged.
 */
const LOADER_CACHE_KIB = 1_048_576;

/**
 * The store on `file` (synchronous NORMAL for loading: a power cut would lose the last
 * batches, nothing else differs), or on the PostgreSQL database `url` names, and the server's
 * runtime on it, without workers.
 */
export async function openLoader(file: string): Promise<Loader> {
  return loaderOn(createSqliteStore({ file, synchronous: 'NORMAL', cacheKiB: LOADER_CACHE_KIB }));
}

export async function openPostgresLoader(url: string): Promise<Loader> {
  return loaderOn(createPostgresStore({ url }));
}

async function loaderOn(store: Store): Promise<Loader> {
  await store.migrate();
  const runtime = createRuntime(
    { store, clock: { now: () => Date.now() }, newId: timeOrderedId, log: silent, metrics: serverMetrics(new Metrics()) },
    { owner: `bench-loader:${process.pid}` },
  );
  return {
    store,
    runtime,
    async inBatches(from, to, size, work) {
      for (let start = from; start < to; start += size) {
        const pending: Promise<unknown>[] = [];
        for (let i = start; i < Math.min(to, start + size); i++) pending.push(work(i));
        await Promise.all(pending);
      }
    },
    async close() {
      await runtime.stop();
      await store.close();
    },
  };
}

/** One password hash for every bench user (cheap scrypt parameters; the hash carries them). */
export function benchPasswordHash(): Promise<string> {
  return hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
}

export async function putUnit(store: Store, path: string, name: string, kind: UnitKind): Promise<void> {
  await store.units.put({ id: `unit:${path}`, path, name, kind });
}

export async function putUser(
  store: Store,
  user: { id: string; username: string; displayName: string; passwordHash: string; grants: readonly [Role, string][] },
): Promise<void> {
  await store.users.create({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    passwordHash: user.passwordHash,
    disabled: false,
    createdAt: Date.now(),
  });
  for (const [role, unitPath] of user.grants) await store.users.grant({ userId: user.id, role, unitPath });
}

/** Deploys XML at a unit through the runtime (compiled, stored, cached); the loaded definition. */
export async function deploy(runtime: Runtime, xml: string, unitPath: string): Promise<LoadedDefinition> {
  const deployed = await runtime.definitions.deploy({ xml, unitPath, deployedBy: 'system:bench', now: Date.now(), id: randomUUID() });
  if (!deployed.ok) throw new Error(`bench model does not compile: ${deployed.problems.map((p) => p.message).join('; ')}`);
  const loaded = await runtime.definitions.byId(deployed.definition.id);
  if (!loaded) throw new Error('deployed definition not found');
  return loaded;
}

/** Starts one instance through the runtime's executor (what POST /api/process-instances does after its checks). */
export async function startInstance(
  runtime: Runtime,
  definition: LoadedDefinition,
  unitPath: string,
  actor: string,
  businessKey: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const out = await runtime.executor.start({ definition, unitPath, actor, businessKey, variables });
  if (!out.ok) throw new Error(`start refused: ${out.error.code} ${out.error.message}`);
}

/** A user-task process: start → one user task (`assignment` attributes) → end. */
export function userTaskXml(processId: string, name: string, taskName: string, assignment: string): string {
  return definitionsXml(`<bpmn:process id="${processId}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="task" name="${taskName}"><bpmn:extensionElements><sz:assignment ${assignment}/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
  </bpmn:process>`);
}

export function definitionsXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:sz="https://shanzhi.org/schema/bpmn/1.0"
  id="bench" targetNamespace="https://shanzhi.org/bench">
  ${body}
</bpmn:definitions>`;
}
