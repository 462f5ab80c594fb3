import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // one fast-check seed for the whole suite (FC_SEED, fixed default): reproducible runs and CI
    setupFiles: ['test/setup/fastCheckSeed.ts'],
  },
});
