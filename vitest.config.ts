import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts'],
    environment: 'node',
    // The seed acceptance reporter adds one line: how many of the seed demos pass.
    reporters: ['default', './src/scenarios/seedAcceptanceReporter.ts'],
  },
});
