import { setTimeout as pause } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { keyedTurns } from './turns.ts';

it('runs work of one key in the order asked, work of other keys alongside, and goes on after a failure', async () => {
  const inTurn = keyedTurns();
  const log: string[] = [];
  const step =
    (name: string, ms: number, fail = false) =>
    async () => {
      log.push(`${name} begins`);
      await pause(ms);
      log.push(`${name} ends`);
      if (fail) throw new Error(name);
      return name;
    };
  const results = await Promise.allSettled([
    inTurn(['a'], step('a1', 20, true)),
    inTurn(['b'], step('b1', 5)),
    inTurn(['a', 'b'], step('ab', 1)),
    inTurn(['a'], step('a2', 1)),
  ]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  expect(log).toEqual(['a1 begins', 'b1 begins', 'b1 ends', 'a1 ends', 'ab begins', 'ab ends', 'a2 begins', 'a2 ends']);
});
