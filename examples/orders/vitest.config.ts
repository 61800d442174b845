import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Inside the repository `slipway` resolves to its sources through the `slipway-source` export
  // condition. Vitest hands these conditions to its workers' Node too (configs load through tsx
  // there), so the list keeps to Node's own: Vite's default `module` would send Node to packages'
  // bundler builds (the AWS SDK's dist-es), which Node cannot load.
  ssr: { resolve: { conditions: ['slipway-source', 'node'] } },
  test: {
    name: 'orders',
    include: ['test/**/*.test.ts'],
    // The SDK warns in every process that its 2027 releases need Node 22; the services pin theirs.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // One local AWS emulator (moto, through the kit) for every test file; each file makes its own tables.
    globalSetup: ['./test/global-setup.ts'],
    // The services start through tsx, which compiles them on start.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
