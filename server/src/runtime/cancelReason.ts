import type { Command, Transition } from '@shanzhi/engine';
import type { EventRecord } from '@shanzhi/store';

/**
 * Why an instance was cancelled, in its audit trail. The engine's cancel command takes a reason,
 * but its InstanceEnded event does not carry it; the server adds it to that event before the
 * commit, so the reason is hash-chained with who cancelled and when. Appliers read only the
 * event's status, so replay is unchanged.
 */
export function withCancelReason(transition: Transition, command: Command): Transition {
  if (command.type !== 'cancel' || command.reason === undefined) return transition;
  const { reason } = command;
  return { ...transition, events: transition.events.map((e) => (e.type === 'InstanceEnded' ? { ...e, reason } : e)) };
}

/** Who cancelled the instance, when and why, from its events; undefined unless it was cancelled. */
export function cancellation(events: readonly EventRecord[]): { by: string; at: number; reason?: string } | undefined {
  const ended = events.find((e) => e.event.type === 'InstanceEnded' && e.event.status === 'cancelled');
  if (!ended) return undefined;
  const { reason } = ended.event as { reason?: unknown };
  return { by: ended.actor, at: ended.at, ...(typeof reason === 'string' ? { reason } : {}) };
}
