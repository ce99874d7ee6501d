import { firstDueAt, nextDueAt, parseTimer, type TimerKind, type TimerPlan } from './index.ts';

/** An instant written with an explicit offset, e.g. at('2026-12-01T14:30+08:00'). */
export function at(isoWithOffset: string): number {
  const ms = Date.parse(isoWithOffset);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${isoWithOffset}`);
  return ms;
}

/** The wall-clock time of an instant in a zone, as 'YYYY-MM-DD HH:mm:ss'. */
export function wall(epochMs: number | null, timeZone = 'Asia/Shanghai'): string | null {
  if (epochMs === null) return null;
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(epochMs);
}

export function plan(kind: TimerKind, text: string, timeZone = 'Asia/Shanghai'): TimerPlan {
  const parsed = parseTimer(kind, text, timeZone);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.plan;
}

export function errorOf(kind: TimerKind, text: string, timeZone = 'Asia/Shanghai'): string {
  const parsed = parseTimer(kind, text, timeZone);
  if (parsed.ok) throw new Error(`expected '${text}' to be rejected`);
  return parsed.message;
}

/** Arms the timer at `now` and lists up to `limit` firings as wall-clock times, as the engine would fire them. */
export function firings(timer: TimerPlan, now: number, limit = 10, timeZone = 'Asia/Shanghai'): string[] {
  const out: string[] = [];
  let due = firstDueAt(timer, now);
  let fired = 0;
  while (due !== null && out.length < limit) {
    out.push(wall(due, timeZone) ?? '');
    fired++;
    due = nextDueAt(timer, due, fired);
  }
  return out;
}
