import { compile, type Model, type Problem, type StartTrigger, startTriggers } from '@shanzhi/engine';
import type { DefinitionRecord, Reach, Store } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { IdGenerator } from '../clock.ts';
import { armStartTimers, planStartTimers } from './startTimers.ts';

export interface LoadedDefinition {
  readonly record: DefinitionRecord;
  readonly model: Model;
}

export type DeployResult =
  | { readonly ok: true; readonly definition: DefinitionRecord }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Deploys definitions (arming their timer start events) and keeps compiled models by
 * definition id. A definition never changes once deployed, so an entry never goes stale; the
 * cache only forgets the least recently used when full.
 */
export class Definitions {
  private readonly cache = new Map<string, Promise<LoadedDefinition | undefined>>();
  private readonly store: Store;

  constructor(
    private readonly deps: { store: Store; newId: IdGenerator; log: FastifyBaseLogger },
    private readonly max = 500,
  ) {
    this.store = deps.store;
  }

  async deploy(input: { xml: string; unitPath: string; deployedBy: string; now: number; id: string }): Promise<DeployResult> {
    const compiled = await compile(input.xml);
    if (!compiled.ok) return { ok: false, problems: compiled.problems };
    const model = compiled.model;
    const timers = planStartTimers(model, input.now);
    if (!timers.ok) return { ok: false, problems: timers.problems };
    const main = model.processes[model.main];
    const definition = await this.store.definitions.deploy({
      id: input.id,
      key: model.main,
      unitPath: input.unitPath,
      xml: input.xml,
      deployedAt: input.now,
      deployedBy: input.deployedBy,
      ...(main?.name ? { name: main.name } : {}),
    });
    this.remember(definition.id, Promise.resolve({ record: definition, model }));
    await armStartTimers(this.deps, definition, timers.timers, input.now);
    return { ok: true, definition };
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
