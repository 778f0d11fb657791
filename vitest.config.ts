import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Generous: on a loaded two-core machine everything takes several times longer. Tests that
    // launch Chromium or drive the CLI many times set SLOW_TEST_TIMEOUT (test/requirements.ts).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
