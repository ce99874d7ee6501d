/** What an evaluation may read from the world; FEEL never touches the real clock or randomness. */
export interface FeelEnv {
  /** Epoch milliseconds: `now()` and `today()` read this. */
  now: number;
  /** IANA zone for `now()` and `today()`; an empty value falls back to {@link DEFAULT_TIME_ZONE}. */
  timeZone: string;
  /** Source of ids for `uuid()`; without it `uuid()` fails the evaluation. */
  newId?: () => string;
}

export { DEFAULT_TIME_ZONE } from '../timers/timer.ts';

/** A feelin warning (e.g. a missing variable, which evaluates to null) mapped back to the expression. */
export interface FeelWarning {
  type: string;
  message: string;
  line: number;
  column: number;
}

export type FeelResult<T> = { ok: true; value: T; warnings?: readonly FeelWarning[] } | { ok: false; message: string };
