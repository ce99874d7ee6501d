import type { Vars } from '@shanzhi/engine';
import type { JobDone, Reach, Store } from '@shanzhi/store';
import type { CommandExecutor } from './commandExecutor.ts';
import type { Definitions } from './definitions.ts';

export interface MessageDelivery {
  readonly instanceId: string;
  /** True when the message started a new instance through a message start event. */
  readonly started: boolean;
}

/**
 * Messages and signals through the store's subscriptions. A message goes to the first waiting
 * instance whose subscription matches its name and correlation key (an instance that no longer
 * waits refuses it, and the next is tried), else starts the newest definition in reach with a
 * message start event of that name. A signal goes to every waiting instance and starts every
 * definition with a signal start event of that name.
 */
export class Correlation {
  constructor(private readonly deps: { store: Store; definitions: Definitions; executor: CommandExecutor }) {}

  async message(m: {
    name: string;
    correlationKey?: string;
    variables?: Vars;
    reach: Reach;
    actor: string;
    jobsDone?: readonly JobDone[];
  }): Promise<MessageDelivery | undefined> {
    const { store, executor, definitions } = this.deps;
    const subs = await store.subscriptions.messages(m.name, m.correlationKey, m.reach);
    const tried = new Set<string>();
    for (const sub of subs) {
      if (tried.has(sub.instanceId)) continue;
      tried.add(sub.instanceId);
      const out = await executor.run(
        sub.instanceId,
        {
          type: 'correlateMessage',
          name: m.name,
          ...(m.correlationKey === undefined ? {} : { correlationKey: m.correlationKey }),
          ...(m.variables ? { variables: m.variables } : {}),
        },
        { actor: m.actor, internal: true, ...(m.jobsDone ? { jobsDone: m.jobsDone } : {}) },
      );
      if (out.ok) return { instanceId: sub.instanceId, started: false };
    }
    for (const { definition, trigger } of await definitions.startableBy('message', m.name, m.reach)) {
      const out = await executor.start({
        definition,
        unitPath: definition.record.unitPath,
        actor: m.actor,
        processId: trigger.processId,
        startEvent: trigger.startEvent,
        ...(m.variables ? { variables: m.variables } : {}),
        ...(m.jobsDone ? { jobsDone: m.jobsDone } : {}),
      });
      if (out.ok) return { instanceId: out.record.id, started: true };
    }
    return undefined;
  }

  /** The instances waiting for a signal in reach, one entry per instance. */
  async signalTargets(name: string, reach: Reach): Promise<{ instanceId: string; unitPath: string }[]> {
    const seen = new Map<string, string>();
    for (const s of await this.deps.store.subscriptions.signals(name, reach))
      if (!seen.has(s.instanceId)) seen.set(s.instanceId, s.unitPath);
    return [...seen].map(([instanceId, unitPath]) => ({ instanceId, unitPath }));
  }

  /** Delivers a signal to one instance; false when it no longer waits for it. */
  async signalOne(
    instanceId: string,
    name: string,
    variables: Vars | undefined,
    actor: string,
    jobsDone?: readonly JobDone[],
  ): Promise<boolean> {
    const out = await this.deps.executor.run(
      instanceId,
      { type: 'broadcastSignal', name, ...(variables ? { variables } : {}) },
      { actor, internal: true, ...(jobsDone ? { jobsDone } : {}) },
    );
    return out.ok;
  }

  /** Signal starts: one new instance per definition in reach with a signal start event of that name. */
  async signalStarts(name: string, variables: Vars | undefined, reach: Reach, actor: string): Promise<string[]> {
    const started: string[] = [];
    for (const { definition, trigger } of await this.deps.definitions.startableBy('signal', name, reach)) {
      const out = await this.deps.executor.start({
        definition,
        unitPath: definition.record.unitPath,
        actor,
        processId: trigger.processId,
        startEvent: trigger.startEvent,
        ...(variables ? { variables } : {}),
      });
      if (out.ok) started.push(out.record.id);
    }
    return started;
  }

  /** An API signal: every waiting instance in reach, then signal starts. */
  async signal(s: { name: string; variables?: Vars; reach: Reach; actor: string }): Promise<{ delivered: string[]; started: string[] }> {
    const delivered: string[] = [];
    for (const t of await this.signalTargets(s.name, s.reach)) {
      if (await this.signalOne(t.instanceId, s.name, s.variables, s.actor)) delivered.push(t.instanceId);
    }
    const started = await this.signalStarts(s.name, s.variables, s.reach, s.actor);
    return { delivered, started };
  }
}
