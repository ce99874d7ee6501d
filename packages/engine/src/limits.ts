/**
 * Bounds on what one command may cause, so that no model, by mistake or on purpose, can run
 * away with its host: a loop of steps that never waits, or call activities without end.
 */
export interface Limits {
  /** Element activations one command may cause; past it the work left waits on an SZ_LOOP_LIMIT incident. */
  readonly activations: number;
  /** How deep call activities may nest (a top-level instance is at depth 0); deeper calls raise SZ_CALL_DEPTH. */
  readonly callDepth: number;
}

export const DEFAULT_LIMITS: Limits = { activations: 10_000, callDepth: 32 };
