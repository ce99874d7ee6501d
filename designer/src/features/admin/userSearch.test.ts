import { describe, expect, it } from 'vitest';
import { matches } from './userSearch.ts';

describe('searching users', () => {
  const user = { username: 'hefeng-Guanli', displayName: '罗美玲' };

  it('finds a user by part of the username, whatever the case, or of the name', () => {
    expect(matches(user, 'guanli')).toBe(true);
    expect(matches(user, ' 美玲 ')).toBe(true);
    expect(matches(user, 'honggang')).toBe(false);
  });

  it('holds everyone when nothing is typed', () => {
    expect(matches(user, '  ')).toBe(true);
  });
});
