import { describe, expect, it } from 'vitest';
import { displayGroups, groupsOf, isCandidate, taskGroups } from './assignment.ts';

describe('candidate groups: a role at a unit, held from that unit or any unit above', () => {
  it('resolves a bare role to the instance unit and every unit above it', () => {
    expect(taskGroups(['approver'], '/nanhai/lishui/hefeng/')).toEqual([
      'approver@/nanhai/lishui/hefeng/',
      'approver@/nanhai/lishui/',
      'approver@/nanhai/',
      'approver@/',
    ]);
  });

  it('keeps an explicit unit, and names that are not roles as written', () => {
    expect(taskGroups(['clerk@/nanhai/lishui/', '两委', '书记@鹤峰村'], '/nanhai/lishui/hefeng/')).toEqual([
      'clerk@/nanhai/lishui/',
      'clerk@/nanhai/',
      'clerk@/',
      '两委',
      '书记@鹤峰村',
    ]);
    expect(displayGroups(taskGroups(['clerk', '两委'], '/nanhai/lishui/hefeng/'))).toEqual(['clerk@/nanhai/lishui/hefeng/', '两委'].sort());
  });

  it('matches a user through their grants', () => {
    const task = { assignee: undefined, candidateUsers: [], candidateGroups: taskGroups(['approver'], '/nanhai/lishui/hefeng/') } as never;
    const town = { id: 'u1', groups: groupsOf([{ userId: 'u1', role: 'approver', unitPath: '/nanhai/lishui/' }]) };
    const otherVillage = { id: 'u2', groups: groupsOf([{ userId: 'u2', role: 'approver', unitPath: '/nanhai/lishui/honggang/' }]) };
    const clerk = { id: 'u3', groups: groupsOf([{ userId: 'u3', role: 'clerk', unitPath: '/nanhai/lishui/hefeng/' }]) };
    expect(isCandidate(task, town)).toBe(true);
    expect(isCandidate(task, otherVillage)).toBe(false);
    expect(isCandidate(task, clerk)).toBe(false);
  });
});
