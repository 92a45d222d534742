import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (Node / jsdom) and end-to-end tests that drive the
// built site in Debian's Chromium. `npm test` builds the site first, then runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          testTimeout: 60_000,
          globalSetup: ['test/setup/buildKernels.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          // One browser at a time: the machine has two cores.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          globalSetup: ['test/e2e/globalSetup.ts'],
        },
      },
    ],
  },
});
