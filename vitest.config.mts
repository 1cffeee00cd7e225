import { defineConfig } from 'vitest/config';

// Each test project keeps its own config beside the tests: unit (Node), worker (workerd) and
// browser (Chromium against the running worker).
export default defineConfig({
  test: {
    projects: ['test/vitest.*.config.mts'],
  },
});
