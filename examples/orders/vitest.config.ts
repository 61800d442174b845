import { defineConfig } from 'vitest/config';

export default defineConfig({
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
