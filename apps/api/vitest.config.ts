import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['test/**/*.test.ts'],
    // Starts a private PostgreSQL cluster (or uses TEST_DATABASE_URL) once for every test file.
    globalSetup: ['./test/global-setup.ts'],
    // Some tests spawn the real server (tsx compiles it on start) or wait out a drain.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
