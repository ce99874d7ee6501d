import type { InstanceState } from '../state/types.ts';

/** Keys come from the instance's own counter; whoever records a key moves the counter past it. */
export function bumpKey(state: InstanceState, key: string): void {
  const n = Number(key);
  if (n >= state.next) state.next = n + 1;
}
