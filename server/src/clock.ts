/** Where the server reads time: tests move it, main uses the wall clock. */
export interface Clock {
  now(): number;
}

/** Where the server gets new ids: tests make them predictable, the server uses timeOrderedId (ids.ts). */
export type IdGenerator = () => string;

export const systemClock: Clock = { now: () => Date.now() };
