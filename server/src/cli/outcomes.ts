/** How a command ends. Exit codes: 0 done, 1 failed (the data or the system said no), 2 bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The arguments are wrong: the message names the flag or argument. Exits 2 with the usage. */
export class UsageError extends Error {}

/** The command ran and could not do what was asked; the message says what is wrong. Exits 1. */
export class Failure extends Error {}
