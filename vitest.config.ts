import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Each workspace keeps its own vitest.config.ts (timeouts, global setup); the root runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'examples/orders'],
    // Vitest leaves a core free by default, which on a 2-core CI machine means one test file at a
    // time; the suite is CPU-bound (synth, cfn-guard, cfn-lint), so every core runs a file.
    maxWorkers: availableParallelism(),
  },
});
