import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    // Property tests from a fixed seed (see the file).
    setupFiles: ['test/helpers/fixed-seed.ts'],
  },
});
