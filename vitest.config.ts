import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          // Needs a PostgreSQL server (several instances sharing one): run by the postgres project only.
          exclude: ['src/**/*.pg.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['tests/setup/pglite-template.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.int.test.ts', 'src/**/*.pg.test.ts'],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['tests/setup/postgres-server.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['tests/setup/pglite-template.ts', 'tests/setup/build-client.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          fileParallelism: false,
          // A loaded machine may take more than a second to show what a page will show.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
