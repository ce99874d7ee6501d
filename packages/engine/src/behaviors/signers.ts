import type { Processing } from '../processing/processing.ts';
import type { ElementInstance, UserTaskState, Vars } from '../state/types.ts';
import { openInboxTask } from './inbox.ts';

/**
 * 加签: more people sign a user task at its step. Each signer's task is an element instance of
 * the same element in the same scope, signing for the main task (signsFor): it has no boundary
 * events of its own and goes when the main task is terminated (termination.ts). The step leaves
 * only once the holder and every signer have completed: a holder who completes first has their
 * completion held (SignersAwaited) until the last signer is done. Parallel signers (并加签) get
 * their tasks at once; after-signers (后加签) wait in the main task's queue and get the task one
 * at a time once the holder has completed.
 */
export function addSigners(p: Processing, main: ElementInstance, signers: readonly string[], mode: 'parallel' | 'after'): void {
  p.write({ type: 'SignersAdded', key: main.k, mode, signers: [...signers] });
  if (mode === 'parallel') for (const signer of signers) openSignerTask(p, main, signer);
}

/** The open tasks signing for a main task. */
export function signersOf(p: Processing, key: string): ElementInstance[] {
  return Object.values(p.state.els).filter((ei) => ei.signsFor === key);
}

/** Everyone who signs a main task, open or still to come. */
export function signerNames(p: Processing, main: ElementInstance): string[] {
  const open = signersOf(p, main.k).flatMap((ei) => (ei.task?.assignee === undefined ? [] : [ei.task.assignee]));
  return [...open, ...(main.signing?.after ?? [])];
}

/**
 * The holder completed: with signers left, the completion is held and the step waits (true);
 * without, the step leaves as any other (false).
 */
export function awaitsSigners(p: Processing, main: ElementInstance, vars: Vars | undefined): boolean {
  if (main.signing?.held || signerNames(p, main).length === 0) return false;
  p.write({ type: 'SignersAwaited', key: main.k, ...(vars === undefined ? {} : { vars }) });
  callNextSigner(p, main.k);
  return true;
}

/**
 * Once the holder has completed and no signer's task is open: the next after-signer gets the
 * task, or, with none left, the main task completes with what its holder submitted.
 */
export function callNextSigner(p: Processing, key: string): void {
  const main = p.instance(key);
  const held = main?.signing?.held;
  if (!main || !held || signersOf(p, key).length > 0) return;
  const next = main.signing?.after?.[0];
  if (next === undefined) {
    p.enqueue({ op: 'complete', key, ...(held.vars === undefined ? {} : { vars: held.vars }) });
    return;
  }
  p.write({ type: 'SignerCalled', key, signer: next });
  openSignerTask(p, main, next);
}

function openSignerTask(p: Processing, main: ElementInstance, signer: string): void {
  const ei: ElementInstance = { k: p.newKey(), e: main.e, p: main.p as string, signsFor: main.k };
  p.write({ type: 'ElementActivated', el: ei });
  openInboxTask(p, ei.k, p.element(main.e), signerTask(main.task, signer));
}

/** A signer's task is theirs alone, due when the step is. */
function signerTask(main: UserTaskState | undefined, signer: string): UserTaskState {
  const task: UserTaskState = { assignee: signer };
  if (main?.dueAt !== undefined) task.dueAt = main.dueAt;
  if (main?.followUpAt !== undefined) task.followUpAt = main.followUpAt;
  if (main?.priority !== undefined) task.priority = main.priority;
  return task;
}
