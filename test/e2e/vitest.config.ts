import { defineProject } from 'vitest/config';

/** Journeys in a real browser against the real server: one at a time, with time for a cold build. */
export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
