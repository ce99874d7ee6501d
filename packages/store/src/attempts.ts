/** The end of the fixed window of `windowMs` that holds `now` (windows are aligned on the epoch, so every process agrees). */
export function windowEnd(windowMs: number, now: number): number {
  if (!Number.isInteger(windowMs) || windowMs <= 0) throw new Error(`an attempt window must be a positive number of ms, not ${windowMs}`);
  return (Math.floor(now / windowMs) + 1) * windowMs;
}
