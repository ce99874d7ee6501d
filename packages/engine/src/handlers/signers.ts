import { isInnerInstance } from '../behaviors/loopBody.ts';
import { addSigners as add, signerNames } from '../behaviors/signers.ts';
import type { Command } from '../commands.ts';
import { type EngineError, engineError } from '../errors.ts';
import type { Processing } from '../processing/processing.ts';
import { openTask } from './guards.ts';

/** 加签 on an open task; refusals name the field and the signer at fault. */
export function addSigners(p: Processing, c: Extract<Command, { type: 'addSigners' }>): EngineError | undefined {
  const main = openTask(p, c.key);
  if (!main) return engineError('SZ_TASK_NOT_FOUND', `instance ${p.state.id} has no open user task ${c.key}`);
  const refuse = (why: string) => engineError('SZ_SIGNERS_INVALID', why, main.e);
  if (c.mode !== 'parallel' && c.mode !== 'after') return refuse(`mode must be 'parallel' or 'after', not '${String(c.mode)}'`);
  if (main.signsFor !== undefined) return refuse(`task ${c.key} signs for task ${main.signsFor}: add signers to that one`);
  // A countersign's or loop's rounds are counted by their body; a signer there would be counted as one.
  if (isInnerInstance(p, main.p ?? '', main.e))
    return refuse(`task ${c.key} is one round of the loop at ${main.e}: signers cannot join it`);
  if (!Array.isArray(c.signers) || c.signers.length === 0) return refuse('signers: name at least one');
  const taken = new Set(signerNames(p, main));
  if (main.task?.assignee !== undefined) taken.add(main.task.assignee);
  const seen = new Set<string>();
  for (const signer of c.signers) {
    if (typeof signer !== 'string' || signer === '') return refuse('signers: each must be a user id');
    if (seen.has(signer)) return refuse(`signers: '${signer}' is named twice`);
    if (taken.has(signer)) return refuse(`signers: '${signer}' already holds or signs task ${c.key}`);
    seen.add(signer);
  }
  add(p, main, c.signers, c.mode);
  return undefined;
}
