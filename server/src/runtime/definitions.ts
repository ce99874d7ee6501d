import { compile, type Model, type Problem, type StartTrigger, startTriggers } from '@shanzhi/engine';
import type { Lang } from '@shanzhi/forms';
import type { DefinitionRecord, FormRecord, Reach, Store } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { IdGenerator } from '../clock.ts';
import { peopleNamed } from './assignment.ts';
import type { Calendars } from './calendars.ts';
import type { FormInput, FormProblem, Forms } from './forms.ts';
import { isRegisterJob, REGISTER_JOBS } from './registers/jobs.ts';
import { armStartTimers, planStartTimers } from './startTimers.ts';
import type { BoundForm } from './submissions.ts';

export interface LoadedDefinition {
  readonly record: DefinitionRecord;
  readonly model: Model;
}

export type DeployResult =
  | { readonly ok: true; readonly definition: DefinitionRecord; readonly forms: readonly FormRecord[] }
  | { readonly ok: false; readonly code: 'SZ_BPMN_INVALID'; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly code: 'SZ_FORM_DEFINITION_INVALID'; readonly problems: readonly FormProblem[] };

export interface DeployInput {
  readonly xml: string;
  /** Forms deployed with the model, as new versions, before it: its bindings without a version take these. */
  readonly forms?: readonly FormInput[];
  readonly unitPath: string;
  readonly deployedBy: string;
  readonly now: number;
  readonly id: string;
  /** The language of form definition problems. */
  readonly lang?: Lang;
  /** Variables every instance starts with and no start overrides: a template's parameters. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** What changed in this version, in the deployer's words. */
  readonly note?: string;
}

export type CheckResult = Exclude<DeployResult, { ok: true }> | { readonly ok: true };

/**
 * Deploys definitions (arming their timer start events) and keeps compiled models by
 * definition id. A definition never changes once deployed, so an entry never goes stale; the
 * cache only forgets the least recently used when full.
 */
export class Definitions {
  private readonly cache = new Map<string, Promise<LoadedDefinition | undefined>>();
  private readonly store: Store;

  constructor(
    private readonly deps: { store: Store; newId: IdGenerator; log: FastifyBaseLogger; forms: Forms; calendars: Calendars },
    private readonly max = 500,
  ) {
    this.store = deps.store;
  }

  /**
   * Checks everything before anything is stored: the forms sent along, the model, its timers, and
   * that every form it binds is found. Then the forms go in as new versions and the definition,
   * pinning the form each binding found.
   */
  async deploy(input: DeployInput): Promise<DeployResult> {
    const checked = await this.checked(input);
    if (!checked.ok) return checked;
    const { own, model, timers, pins } = checked;
    const at = { unitPath: input.unitPath, deployedBy: input.deployedBy, now: input.now };
    const forms: FormRecord[] = [];
    for (const f of own) forms.push((await this.deps.forms.deploy(f, at)).record);
    const pinned = Object.fromEntries(
      [...pins].map(([key, pin]) => [key, pin === 'own' ? (forms.find((f) => f.key === key) as FormRecord).id : pin.id]),
    );
    const main = model.processes[model.main];
    const definition = await this.store.definitions.deploy({
      id: input.id,
      key: model.main,
      unitPath: input.unitPath,
      xml: input.xml,
      deployedAt: input.now,
      deployedBy: input.deployedBy,
      ...(main?.name ? { name: main.name } : {}),
      ...(pins.size > 0 ? { forms: pinned } : {}),
      ...(input.variables && Object.keys(input.variables).length > 0 ? { variables: input.variables } : {}),
      ...(input.note ? { note: input.note } : {}),
    });
    this.remember(definition.id, Promise.resolve({ record: definition, model }));
    await armStartTimers(this.deps, definition, timers, input.now);
    return { ok: true, definition, forms };
  }

  /** Everything deploy checks, storing nothing: a template rendering's preview. */
  async check(input: DeployInput): Promise<CheckResult> {
    const checked = await this.checked(input);
    return checked.ok ? { ok: true } : checked;
  }

  private async checked(input: DeployInput) {
    const own = input.forms ?? [];
    const formProblems = [...own.flatMap((f) => this.deps.forms.problems(f, input.lang)), ...twice(own, input.lang)];
    if (formProblems.length > 0) return { ok: false, code: 'SZ_FORM_DEFINITION_INVALID', problems: formProblems } as const;
    const compiled = await compile(input.xml);
    if (!compiled.ok) return { ok: false, code: 'SZ_BPMN_INVALID', problems: compiled.problems } as const;
    const model = compiled.model;
    const timers = planStartTimers(model, input.now);
    if (!timers.ok) return { ok: false, code: 'SZ_BPMN_INVALID', problems: timers.problems } as const;
    const { pins, problems } = await this.deps.forms.pin(model, input.unitPath, new Set(own.map((f) => f.key)));
    problems.push(...(await unknownPeople(this.store, model)), ...registerJobProblems(model));
    if (problems.length > 0) return { ok: false, code: 'SZ_BPMN_INVALID', problems } as const;
    return { ok: true, own, model, timers: timers.timers, pins } as const;
  }

  async byId(id: string): Promise<LoadedDefinition | undefined> {
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const loading = this.load(id);
    this.remember(id, loading);
    const loaded = await loading;
    if (!loaded) this.cache.delete(id);
    return loaded;
  }

  async model(id: string): Promise<Model> {
    const loaded = await this.byId(id);
    if (!loaded) throw new Error(`definition ${id} is missing from the store`);
    return loaded.model;
  }

  /** The newest version of `key` deployed at the unit, else at the nearest unit above it. */
  async resolve(key: string, unitPath: string): Promise<LoadedDefinition | undefined> {
    const record = await this.store.definitions.nearest(key, unitPath);
    return record && this.byId(record.id);
  }

  /** A called process: the same deployment when it holds the process (binding `deployment`, or nothing newer), else by key. */
  async forCall(
    processId: string,
    binding: 'latest' | 'deployment' | 'versionTag' | { version: number },
    parent: LoadedDefinition,
    unitPath: string,
  ): Promise<LoadedDefinition | undefined> {
    const inParent = parent.model.processes[processId] !== undefined;
    if (binding === 'deployment' && inParent) return parent;
    if (typeof binding === 'object') {
      const record = await this.store.definitions.nearest(processId, unitPath, binding.version);
      return record && this.byId(record.id);
    }
    return (await this.resolve(processId, unitPath)) ?? (inParent ? parent : undefined);
  }

  /** The newest version of every definition in reach, with its start triggers of this kind and name. */
  async startableBy(
    kind: 'message' | 'signal',
    name: string,
    reach: Reach,
  ): Promise<{ definition: LoadedDefinition; trigger: StartTrigger }[]> {
    const newest = new Map<string, DefinitionRecord>();
    for (const d of await this.store.definitions.list(reach)) {
      const k = `${d.key}\u0000${d.unitPath}`;
      const seen = newest.get(k);
      if (!seen || seen.version < d.version) newest.set(k, d);
    }
    const out: { definition: LoadedDefinition; trigger: StartTrigger }[] = [];
    for (const record of newest.values()) {
      const definition = await this.byId(record.id);
      if (!definition) continue;
      for (const trigger of startTriggers(definition.model)) {
        const t = trigger.trigger;
        const matches =
          (kind === 'message' && t.kind === 'message' && 'literal' in t.name && t.name.literal === name) ||
          (kind === 'signal' && t.kind === 'signal' && t.name === name);
        if (matches && trigger.processId === definition.model.main) out.push({ definition, trigger });
      }
    }
    return out;
  }

  /** The form a user task or start event of a definition shows, with that step's field rules; undefined when it shows none. */
  async formOf(definition: LoadedDefinition, elementId: string): Promise<BoundForm | undefined> {
    const element = Object.values(definition.model.processes).find((p) => p.elements[elementId])?.elements[elementId];
    if (!element?.form) return undefined;
    const loaded = await this.deps.forms.bound(definition.record, element.form);
    return loaded && { loaded, rules: element.form.fields };
  }

  /** The start form: what the none start event of the main process shows whoever starts an instance by hand. */
  async startFormOf(definition: LoadedDefinition): Promise<BoundForm | undefined> {
    const { model } = definition;
    const entries = model.processes[model.main]?.scopes[model.main]?.entries ?? [];
    const start = entries.find((id) => model.processes[model.main]?.elements[id]?.form);
    return start === undefined ? undefined : this.formOf(definition, start);
  }

  private async load(id: string): Promise<LoadedDefinition | undefined> {
    const record = await this.store.definitions.byId(id);
    if (!record) return undefined;
    const compiled = await compile(record.xml);
    if (!compiled.ok) throw new Error(`definition ${id} no longer compiles: ${compiled.problems[0]?.message ?? ''}`);
    return { record, model: compiled.model };
  }

  private remember(id: string, value: Promise<LoadedDefinition | undefined>): void {
    this.cache.set(id, value);
    while (this.cache.size > this.max) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}

/** A key sent twice in one deployment: which of the two would its bindings take? */
function twice(forms: readonly FormInput[], lang: Lang | undefined): FormProblem[] {
  const seen = new Set<string>();
  const out: FormProblem[] = [];
  for (const { key } of forms) {
    const message = lang === 'en' ? `form ${key} is sent twice in one deployment` : `表单 ${key} 在一次部署中出现了两次`;
    if (seen.has(key)) out.push({ form: key, path: '/key', code: 'definition-invalid', message });
    seen.add(key);
  }
  return out;
}

/**
 * People a model names as they are written (not FEEL, not roles) must exist when it is deployed:
 * a task given to a mistyped username would wait for nobody. Names from FEEL are resolved when
 * their task is created (assignment.ts).
 */
async function unknownPeople(store: Store, model: Model): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const process of Object.values(model.processes)) {
    for (const el of Object.values(process.elements)) {
      const a = el.assignment;
      const written = [a?.assignee, a?.candidateUsers].flatMap((x) => (x && 'literal' in x ? x.literal.split(',') : []));
      for (const name of peopleNamed({ candidateUsers: written.map((n) => n.trim()).filter((n) => n.length > 0) })) {
        if ((await store.users.byId(name)) ?? (await store.users.byUsername(name))) continue;
        problems.push({
          rule: 'assignee-unknown',
          elementId: el.id,
          elementType: el.kind,
          message: `${el.id} is given to '${name}', who is no user: write a username, a FEEL expression or a role (role:approver)`,
        });
      }
    }
  }
  return problems;
}

/** The server's own register jobs (registers/jobs.ts) need the headers they read; a typo would be an incident at run time. */
function registerJobProblems(model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const process of Object.values(model.processes)) {
    for (const el of Object.values(process.elements)) {
      const type = el.jobType && 'literal' in el.jobType ? el.jobType.literal : undefined;
      if (type === undefined || !isRegisterJob(type)) continue;
      const missing = ['register', ...(type === REGISTER_JOBS.lookup ? ['resultVariable'] : [])].filter((h) => !el.headers?.[h]);
      if (missing.length === 0) continue;
      problems.push({
        rule: 'register-job-invalid',
        elementId: el.id,
        elementType: el.kind,
        message: `${el.id} is a ${type} task without the task header${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}`,
      });
    }
  }
  return problems;
}

/** Whether a person can start it: its main process has a none start event (a timer- or message-only one starts by itself). */
export function startableByHand(model: Model): boolean {
  const main = model.processes[model.main];
  return Object.values(main?.elements ?? {}).some(
    (e) => e.kind === 'startEvent' && e.scope === main?.id && (e.trigger === undefined || e.trigger.kind === 'none'),
  );
}
