/**
 * What the clients were told: each start and command the server acknowledged (a 2xx answer), and
 * those whose fate is unknown (the connection broke, and the try sent again was refused with a
 * 409 or 404, which is what a first try that had committed leaves behind). The checks hold the
 * store to the first and look up the second.
 */
export type Verb = 'complete' | 'return' | 'job';

export interface Command {
  readonly verb: Verb;
  /** A task id, or for `job` the job's id. */
  readonly target: string;
  readonly instanceId: string;
  /** The user id of whoever sent it. */
  readonly actor: string;
}

export class Ledger {
  /** Instance id by run index, for every start acknowledged. */
  readonly started = new Map<number, string>();
  readonly acknowledged: Command[] = [];
  readonly uncertain: Command[] = [];
  /** Requests sent again after a broken connection, and how many of those answered as if refused. */
  retried = 0;
  /** Refusals that need no check: a race between the two signers of one instance (409 conflict, tried again). */
  conflicts = 0;

  record(command: Command, answer: { status: number; retried: boolean }): 'done' | 'refused' {
    if (answer.retried) this.retried++;
    if (answer.status >= 200 && answer.status < 300) {
      this.acknowledged.push(command);
      return 'done';
    }
    if (answer.retried && (answer.status === 409 || answer.status === 404)) {
      this.uncertain.push(command);
      return 'done';
    }
    return 'refused';
  }
}
