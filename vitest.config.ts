import { defineConfig } from 'vitest/config';

// Each workspace keeps its own vitest.config.ts (timeouts, global setup); the root runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
