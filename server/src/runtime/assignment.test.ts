import { describe, expect, it } from 'vitest';
import { displayGroups, groupsOf, isCandidate, peopleNamed, resolveAssignment, taskGroups } from './assignment.ts';

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

describe('who a task is given to, as the designer wrote it', () => {
  const hefeng = '/nanhai/lishui/hefeng/';
  const people = new Map([
    ['hefeng-shuji', 'u-shuji'],
    ['hefeng-liangwei', 'u-liangwei'],
    ['u-shuji', 'u-shuji'],
  ]);

  it('turns usernames into user ids and keeps user ids', () => {
    expect(resolveAssignment({ assignee: 'hefeng-shuji', candidateUsers: ['hefeng-liangwei', 'u-shuji'] }, hefeng, people)).toEqual({
      assignee: 'u-shuji',
      candidateUsers: ['u-liangwei', 'u-shuji'],
      candidateGroups: [],
      unresolved: [],
    });
  });

  it('offers the task to a role of the instance’s unit, or of the unit above, wherever a role is written', () => {
    const r = resolveAssignment({ assignee: 'role:approver', candidateGroups: ['role:town-admin@parent'] }, hefeng, people);
    expect(r.assignee).toBeUndefined();
    expect(displayGroups(r.candidateGroups)).toEqual(['approver@/nanhai/lishui/hefeng/', 'town-admin@/nanhai/lishui/']);
  });

  it('gives a task whose person is nobody to the unit’s admins, who can assign it', () => {
    const r = resolveAssignment({ assignee: 'hefeng-shuij' }, hefeng, people);
    expect(r).toMatchObject({ unresolved: ['hefeng-shuij'], candidateUsers: [] });
    expect(r.assignee).toBeUndefined();
    expect(displayGroups(r.candidateGroups)).toEqual(['town-admin@/nanhai/lishui/hefeng/', 'village-admin@/nanhai/lishui/hefeng/']);
  });

  it('lists the people to look up, not the roles', () => {
    expect(peopleNamed({ assignee: 'role:approver', candidateUsers: ['hefeng-shuji', ' role:clerk'] })).toEqual(['hefeng-shuji']);
  });
});
