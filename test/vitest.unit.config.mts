import { defineProject } from 'vitest/config';

// Paths are relative to this folder (test/), which is the project's root.
export default defineProject({
  test: {
    name: 'unit',
    include: ['shared/**/*.test.ts', 'client/**/*.test.ts', 'cli/**/*.test.ts', 'addin/**/*.test.ts', 'scripts/**/*.test.ts', 'workbook/**/*.test.ts'],
    environment: 'node',
  },
});
