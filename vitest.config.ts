import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/engine', 'packages/store', 'packages/forms', 'server', 'designer', 'test/e2e'],
  },
});
