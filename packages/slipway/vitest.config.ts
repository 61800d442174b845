import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Inside the repository `slipway` resolves to its sources through the `slipway-source` export
  // condition. Vitest hands these conditions to its workers' Node too (configs load through tsx
  // there), so the list keeps to Node's own: Vite's default `module` would send Node to packages'
  // bundler builds (the AWS SDK's dist-es), which Node cannot load.
  ssr: { resolve: { conditions: ['slipway-source', 'node'] } },
  test: {
    name: 'slipway',
    include: ['test/**/*.test.ts'],
    // picocolors colours output whenever CI is set; tests read plain text.
    env: { NO_COLOR: '1' },
    // Synthesizing CDK apps takes seconds per environment on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files in a worker share its module cache: aws-cdk-lib and the kit load once per worker
    // instead of once per file (about a second of CPU each). So a test file leaves nothing behind
    // for the next: process.env as it found it, no vi.mock, no listeners on process.
    isolate: false,
    // Stops the emulators the workers share (one each) once every file has run; starts one warm
    // cfn-lint server that every worker's lint calls use, and stops it at the end.
    globalSetup: ['test/emulators-teardown.ts', 'test/cfn-lint-server-setup.ts'],
  },
});
