export { addDuration } from './calendar.ts';
export type { CronPlan } from './cron.ts';
export type { CyclePlan } from './cycle.ts';
export { MAX_REPETITIONS } from './cycle.ts';
export type { Duration } from './duration.ts';
export { parseDuration } from './duration.ts';
export type { TimerKind, TimerPlan } from './timer.ts';
export { DEFAULT_TIME_ZONE, firstDueAt, MAX_TIMER_TEXT, nextDueAt, parseTimer } from './timer.ts';
