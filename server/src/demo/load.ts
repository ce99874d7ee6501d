import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store, User } from '@shanzhi/store';
import { readTemplateLibrary } from '@shanzhi/template-kit/folder';
import { hashPassword } from '../auth/password.ts';
import type { Clock, IdGenerator } from '../clock.ts';
import { DEFAULT_TEMPLATES_DIR } from '../config.ts';
import { readFormFiles } from '../files/formFiles.ts';
import type { Runtime } from '../runtime/index.ts';
import {
  DEMO_ADOPTIONS,
  DEMO_INSTANCES,
  DEMO_PASSWORD,
  DEMO_PROCEDURES,
  DEMO_PUBLICATIONS,
  DEMO_REGISTER_ENTRIES,
  DEMO_UNITS,
  DEMO_USERS,
  type DemoAdoption,
  type DemoInstance,
  type DemoProcedure,
  type DemoPublication,
  type DemoRegisterEntry,
  type DemoStep,
} from './data.ts';
import { daysBefore, PastRuntime } from './past.ts';

/** What the loader writes with: the server's runtime (deploy, start, complete), so the demo goes the way real work does. */
export interface DemoContext {
  readonly store: Store;
  readonly runtime: Pick<Runtime, 'definitions' | 'starter' | 'executor' | 'templates' | 'workers' | 'registers'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  /** Default: scrypt with the server's parameters. */
  readonly hashPassword?: (password: string) => Promise<string>;
}

/** How many of each the load added; all zero when the demo data was there already. */
export interface DemoSummary {
  readonly units: number;
  readonly users: number;
  readonly definitions: number;
  readonly adoptions: number;
  readonly instances: number;
}

export const nothingAdded = (s: DemoSummary): boolean => s.units + s.users + s.definitions + s.adoptions + s.instances === 0;

/** A store nobody has set up: no organisation units, hence no users anyone could have given a role. */
export async function isEmptyStore(store: Store): Promise<boolean> {
  return (await store.units.under('/')).length === 0;
}

/**
 * Loads the demo tree, users, procedure and instances. Idempotent: whatever exists (a unit by
 * path, a user by username, the procedure at 里水镇, an instance by business key) is left as it
 * is, so a second load adds nothing.
 */
export async function loadDemo(ctx: DemoContext): Promise<DemoSummary> {
  const { store } = ctx;
  let units = 0;
  for (const unit of DEMO_UNITS) {
    if (await store.units.byPath(unit.path)) continue;
    await store.units.put({ id: ctx.newId(), ...unit });
    units++;
  }

  let users = 0;
  const hash = ctx.hashPassword ?? ((password: string) => hashPassword(password));
  for (const demo of DEMO_USERS) {
    if (await store.users.byUsername(demo.username)) continue;
    const id = ctx.newId();
    const passwordHash = await hash(DEMO_PASSWORD);
    await store.users.create({
      id,
      username: demo.username,
      displayName: demo.displayName,
      passwordHash,
      disabled: false,
      createdAt: ctx.clock.now(),
    });
    for (const [role, unitPath] of demo.grants) await store.users.grant({ userId: id, role, unitPath });
    users++;
  }

  let definitions = 0;
  for (const procedure of DEMO_PROCEDURES) if (await deployProcedure(ctx, procedure)) definitions++;

  await ctx.runtime.templates.importLibrary(readTemplateLibrary(DEFAULT_TEMPLATES_DIR), 'system:library');
  for (const publication of DEMO_PUBLICATIONS) await publish(ctx, publication);
  let adoptions = 0;
  for (const adoption of DEMO_ADOPTIONS) if (await adopt(ctx, adoption)) adoptions++;

  for (const entry of DEMO_REGISTER_ENTRIES) await keep(ctx, entry);

  const past = new PastRuntime(store, ctx.newId, 'demo:past');
  let instances = 0;
  try {
    await ctx.runtime.workers.whilePaused(async () => {
      for (const demo of DEMO_INSTANCES) if (await startInstance(ctx, past, demo)) instances++;
    });
  } finally {
    await past.stop();
  }
  return { units, users, definitions, adoptions, instances };
}

/** The town's publication, unless it published that template already. */
async function publish(ctx: DemoContext, demo: DemoPublication): Promise<void> {
  const made = await ctx.store.templates.publicationsFor(demo.unitPath, demo.templateId);
  if (made.some((p) => p.unitPath === demo.unitPath)) return;
  await ctx.runtime.templates.publish({
    templateId: demo.templateId,
    version: demo.version,
    unitPath: demo.unitPath,
    settings: { ...(demo.bounds ? { bounds: demo.bounds } : {}), ...(demo.defaults ? { defaults: demo.defaults } : {}) },
    by: (await user(ctx.store, demo.publishedBy)).id,
    lang: 'zh-CN',
  });
}

/** The village's adoption of its town's newest publication, unless it adopted the template already. */
async function adopt(ctx: DemoContext, demo: DemoAdoption): Promise<boolean> {
  if (await ctx.store.adoptions.of(demo.templateId, demo.unitPath)) return false;
  const [publication] = await ctx.store.templates.publicationsFor(demo.unitPath, demo.templateId);
  if (!publication) throw new Error(`no publication of ${demo.templateId} reaches ${demo.unitPath}`);
  await ctx.runtime.templates.adopt({
    publication,
    unitPath: demo.unitPath,
    overlay: demo.overlay,
    by: (await user(ctx.store, demo.adoptedBy)).id,
    lang: 'zh-CN',
  });
  return true;
}

/** Deploys the procedure with its forms unless a version of it is there. */
async function deployProcedure(ctx: DemoContext, procedure: DemoProcedure): Promise<boolean> {
  if (await ctx.store.definitions.latest(procedure.key, procedure.unitPath)) return false;
  const deployed = await ctx.runtime.definitions.deploy({
    xml: readFileSync(procedure.file, 'utf8'),
    forms: readFormFiles(fileURLToPath(procedure.forms)),
    unitPath: procedure.unitPath,
    deployedBy: (await user(ctx.store, procedure.deployedBy)).id,
    now: ctx.clock.now(),
    id: ctx.newId(),
  });
  if (!deployed.ok)
    throw new Error(`the demo procedure ${procedure.key} does not deploy: ${deployed.problems.map((p) => p.message).join('; ')}`);
  return true;
}

/** A register entry as its keeper entered it, unless the register holds its key already. */
async function keep(ctx: DemoContext, demo: DemoRegisterEntry): Promise<void> {
  const register = await ctx.runtime.registers.register(demo.unitPath, demo.register);
  if (!register) throw new Error(`demo register ${demo.register} is not kept at ${demo.unitPath}: its template was not adopted there`);
  const key = String(demo.data[register.keyField]);
  if (await ctx.store.registers.entry(demo.unitPath, demo.register, key)) return;
  const writer = { by: (await user(ctx.store, demo.by)).id, at: ctx.clock.now(), ...(demo.note ? { note: demo.note } : {}) };
  await ctx.runtime.registers.put(register, demo.data, writer, { revision: null }, 'zh-CN');
}

/** Starts the instance unless its business key is taken, and takes it through its steps (a past one on the days they were taken). */
async function startInstance(ctx: DemoContext, past: PastRuntime, demo: DemoInstance): Promise<boolean> {
  const { store } = ctx;
  const today = ctx.clock.now();
  const startedAt = demo.daysAgo === undefined ? today : daysBefore(today, demo.daysAgo);
  const runtime = demo.daysAgo === undefined ? ctx.runtime : past.runtime;
  past.goTo(startedAt, 0);
  const { record, created } = await runtime.starter.start({
    definitionKey: demo.definitionKey,
    unitPath: demo.unitPath,
    actor: (await user(store, demo.startedBy)).id,
    businessKey: demo.businessKey,
    variables: { ...demo.variables },
  });
  if (!created) return false;
  // The server's own work between steps (a register written, a message passed on) is done before the next person acts.
  await runtime.workers.runDue();
  for (const step of demo.steps) {
    past.goTo(startedAt, step.day ?? 0);
    await takeStep(store, runtime, record.id, demo, step);
    await runtime.workers.runDue();
  }
  if (demo.daysAgo !== undefined) await past.fireTimers(store, record.id, today);
  return true;
}

async function takeStep(store: Store, runtime: Pick<Runtime, 'executor'>, instanceId: string, demo: DemoInstance, step: DemoStep) {
  const person = await user(store, step.by);
  const open = (await store.tasks.ofInstance(instanceId)).filter((t) => t.elementId === step.task && t.status === 'open');
  // A countersign gives each member a task of their own.
  const task = open.find((t) => t.assignee === person.id) ?? open[0];
  if (!task) throw new Error(`demo instance ${demo.businessKey} has no open task ${step.task}`);
  const act = async (command: Parameters<typeof runtime.executor.run>[1], what: string) => {
    const out = await runtime.executor.run(instanceId, command, { actor: person.id, internal: false });
    if (!out.ok) throw new Error(`demo instance ${demo.businessKey}: ${what} ${step.task} was refused: ${out.error.message}`);
  };
  await act({ type: 'updateUserTask', key: task.key, assignee: person.id }, 'claiming');
  if (step.variables)
    await act({ type: 'completeUserTask', key: task.key, actor: person.id, variables: { ...step.variables } }, 'completing');
}

async function user(store: Store, username: string): Promise<User> {
  const found = await store.users.byUsername(username);
  if (!found) throw new Error(`demo user ${username} is missing`);
  return found;
}
