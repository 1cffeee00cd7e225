import { defineProject } from 'vitest/config';

// Paths are relative to this folder (test/), which is the project's root.
export default defineProject({
  test: {
    name: 'unit',
    include: [
      'shared/**/*.test.ts',
      'client/**/*.test.ts',
      'cli/**/*.test.ts',
      'addin/**/*.test.ts',
      'scripts/**/*.test.ts',
      'workbook/**/*.test.ts',
      'dashboard/**/*.test.ts',
      'export/**/*.test.ts',
    ],
    environment: 'node',
    // The 10,000-run property tests take tens of seconds on a loaded two-core machine; a minute was too tight.
    testTimeout: 180_000,
  },
});
