import type { ModdleElement } from 'bpmn-moddle';
import type { LoopSpec, VotingRule } from '../model/types.ts';
import { readFeel } from './expressions.ts';
import { extension, str } from './extensions.ts';
import type { Problems } from './problems.ts';

/** The variable each member's own task has: who they are (the task's default assignee). */
export const APPROVER = 'approver';

const MODES = ['all', 'any', 'sequential', 'vote'] as const;

/**
 * `sz:approval` on a user task: the approval modes town staff know from DingTalk and FlowLong,
 * in one extension over a list of members, each getting a task of their own (a multi-instance
 * body under the hood, whose boundary events and counters work as usual):
 *
 * - `all` 会签: everyone decides; one rejection rejects at once, and it passes when all approve.
 * - `any` 或签: the first decision wins; the others' tasks are withdrawn.
 * - `sequential` 依次: one after another, in the order listed; a rejection stops it.
 * - `vote` 表决: quorum over the eligible, pass ratio over the votes cast, veto (as sz:voting).
 *
 * Each member completes their task with a decision (`decision`: 同意 / 不同意 / 弃权, or
 * approve / reject / abstain, or true / false); the outcome lands in `approval` (passed, rejected
 * or noQuorum, with the counts) for the next gateway to read. `members` is a FEEL list, names
 * written out (`hefeng-shuji, hefeng-liangwei`), or a role (`role:approver`, `role:approver@parent`)
 * whose holders the host names when the step begins.
 */
export function readApproval(node: ModdleElement, problems: Problems): LoopSpec | undefined {
  const a = extension(node, 'sz:Approval');
  if (!a) return undefined;
  const id = node.id as string;
  const mode = str(a, 'mode') ?? 'all';
  if (!(MODES as readonly string[]).includes(mode)) {
    problems.add('approval-invalid', `approval of ${id}: mode '${mode}' is none of ${MODES.join(', ')}`, node);
    return undefined;
  }
  const written = str(a, 'members')?.trim() ?? '';
  const members = written.startsWith('role:') ? undefined : membersList(written, id, node, problems);
  if (members === undefined && !written.startsWith('role:')) return undefined;
  const names = { voteVariable: str(a, 'voteVariable') ?? 'decision', resultVariable: str(a, 'resultVariable') ?? 'approval' };
  const voting =
    mode === 'vote' ? readVoting(node, a, problems, names) : { quorum: 1, passRatio: 0, veto: true, ...names, rule: ruleOf(mode) };
  if (!voting) return undefined;
  const who = members === undefined ? { membersOf: written } : { inputCollection: members };
  return { sequential: mode === 'sequential', ...who, inputElement: APPROVER, voting };
}

function ruleOf(mode: string): VotingRule['rule'] {
  return mode === 'any' ? 'first' : 'unanimous';
}

/** The members as a FEEL list: an expression as written, or names written out as a list of texts. */
function membersList(text: string | undefined, id: string, node: ModdleElement, problems: Problems): string | undefined {
  const written = text?.trim() ?? '';
  if (written === '') {
    problems.add('approval-invalid', `approval of ${id} needs members: a FEEL list (=committee) or usernames separated by commas`, node);
    return undefined;
  }
  if (written.startsWith('=')) return readFeel(written, `members of ${id}`, node, problems);
  const names = written
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return `[${names.map((n) => JSON.stringify(n)).join(', ')}]`;
}

/** A quorum, pass ratio and veto (sz:voting, or sz:approval in vote mode). */
export function readVoting(
  node: ModdleElement,
  v: ModdleElement | undefined,
  problems: Problems,
  names: { voteVariable: string; resultVariable: string } = { voteVariable: 'vote', resultVariable: 'voteResult' },
): VotingRule | undefined {
  if (!v) return undefined;
  const quorum = ratio(str(v, 'quorum') ?? '0');
  const passRatio = ratio(str(v, 'passRatio') ?? '1/2');
  if (quorum === undefined || passRatio === undefined) {
    problems.add('voting-invalid', `voting of ${node.id}: quorum and passRatio are numbers from 0 to 1 or fractions like 2/3`, node);
    return undefined;
  }
  const veto = vetoOf(str(v, 'veto'), node, problems);
  return {
    quorum,
    passRatio,
    veto: veto === true,
    ...(typeof veto === 'object' ? { vetoBy: veto } : {}),
    voteVariable: str(v, 'voteVariable') ?? names.voteVariable,
    resultVariable: str(v, 'resultVariable') ?? names.resultVariable,
  };
}

function ratio(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  const value = m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
  return value >= 0 && value <= 1 ? value : undefined;
}

/** `veto`: `true` (anyone's rejection), a role (`role:approver`), or the members named (usernames or a FEEL list). */
function vetoOf(text: string | undefined, node: ModdleElement, problems: Problems): boolean | { members?: string; role?: string } {
  const written = text?.trim() ?? '';
  if (written === '' || written === 'false') return false;
  if (written === 'true') return true;
  if (written.startsWith('role:')) return { role: written };
  const members = membersList(written, node.id as string, node, problems);
  return members === undefined ? false : { members };
}
