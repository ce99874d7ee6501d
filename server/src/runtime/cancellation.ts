import type { EventRecord } from '@shanzhi/store';

/** Who cancelled the instance, when and why, from its events; undefined unless it was cancelled. */
export function cancellation(events: readonly EventRecord[]): { by: string; at: number; reason?: string } | undefined {
  const ended = events.find((e) => e.event.type === 'InstanceEnded' && e.event.status === 'cancelled');
  if (!ended) return undefined;
  const { reason } = ended.event as Extract<typeof ended.event, { type: 'InstanceEnded' }>;
  return { by: ended.actor, at: ended.at, ...(reason === undefined ? {} : { reason }) };
}
