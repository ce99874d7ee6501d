import type { InstanceRecord } from './records.ts';

/** The ends of a matter that count as closed (办结): its procedure ran to an end, completed or terminated. */
export const CLOSED_STATUSES: readonly InstanceRecord['status'][] = ['completed', 'terminated'];

/** The periods between consecutive bounds; bounds that do not ascend are a caller's bug. */
export function periodsOf(bounds: readonly number[]): { from: number; to: number }[] {
  const periods = bounds.slice(1).map((to, i) => ({ from: bounds[i] as number, to }));
  if (periods.some((p) => !(p.from < p.to))) throw new Error(`trend bounds must ascend: ${bounds.join(', ')}`);
  return periods;
}
