import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'unit',
    include: ['test/shared/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/addin/**/*.test.ts', 'test/scripts/**/*.test.ts'],
    environment: 'node',
  },
});
