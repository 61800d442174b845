import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'slipway',
    include: ['test/**/*.test.ts'],
    // picocolors colours output whenever CI is set; tests read plain text.
    env: { NO_COLOR: '1' },
    // Synthesizing CDK apps takes seconds per environment on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
