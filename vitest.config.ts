import { defineConfig } from 'vitest/config';

// Unit and property tests live beside the code (`src/**/*.test.ts`); browser tests live in e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
