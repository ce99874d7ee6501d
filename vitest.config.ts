import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'packages/engine',
      'packages/store',
      'packages/forms',
      'packages/template-kit',
      'server',
      'designer',
      'test/scenarios',
      'test/e2e',
    ],
  },
});
