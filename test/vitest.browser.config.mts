import { defineProject } from 'vitest/config';

// Paths are relative to this folder (test/). Real Chromium against `npm start`'s server, which
// browser/global-setup.ts starts once for every browser test file (the pane's and the dashboard's).
export default defineProject({
  test: {
    name: 'browser',
    include: ['browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
