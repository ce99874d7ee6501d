import { catchSignal, triggerSubscription } from '../behaviors/triggers.ts';
import type { Command } from '../commands.ts';
import { type EngineError, engineError } from '../errors.ts';
import type { Processing } from '../processing/processing.ts';
import { invalidVariables } from './guards.ts';

type C<T extends Command['type']> = Extract<Command, { type: T }>;

export function fireTimer(p: Processing, c: C<'fireTimer'>): EngineError | undefined {
  const sub = p.state.subs?.[c.sub];
  if (sub?.kind !== 'timer') return engineError('SZ_SUBSCRIPTION_NOT_FOUND', `instance ${p.state.id} has no timer ${c.sub}`);
  triggerSubscription(p, sub);
  return undefined;
}

/** The first waiting subscription of that name whose correlation key matches (none set matches any). */
export function correlateMessage(p: Processing, c: C<'correlateMessage'>): EngineError | undefined {
  const bad = invalidVariables(c.variables);
  if (bad) return bad;
  const sub = Object.values(p.state.subs ?? {}).find(
    (s) => s.kind === 'message' && s.name === c.name && (s.key === undefined || s.key === c.correlationKey),
  );
  if (!sub) return engineError('SZ_SUBSCRIPTION_NOT_FOUND', `instance ${p.state.id} waits for no message '${c.name}'`);
  triggerSubscription(p, sub, c.variables);
  return undefined;
}

export function broadcastSignal(p: Processing, c: C<'broadcastSignal'>): EngineError | undefined {
  const bad = invalidVariables(c.variables);
  if (bad) return bad;
  if (!catchSignal(p, c.name, c.variables))
    return engineError('SZ_SUBSCRIPTION_NOT_FOUND', `instance ${p.state.id} waits for no signal '${c.name}'`);
  return undefined;
}
