import { defineConfig } from 'vitest/config';

const ignored = ['**/node_modules/**', '**/.faultline/**', '**/dist/**'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // The e2e teardown stops the sandbox it started and waits until every process is gone.
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [
            ...ignored,
            '**/*.int.test.ts',
            '**/*.cluster.test.ts',
            '**/*.docker.test.ts',
            'e2e/**',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ignored,
          globalSetup: ['./test/setup/infra-single.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          exclude: ignored,
          globalSetup: ['./e2e/setup/sandbox.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // One browser and one shared sandbox: the scenarios kill nodes and run load.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: ['**/*.cluster.test.ts'],
          exclude: ignored,
          globalSetup: ['./test/setup/infra-cluster.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // npm run test:docker: the compose stack on a real Docker engine (test/docker/setup.ts).
          name: 'docker',
          include: ['test/docker/**/*.docker.test.ts'],
          exclude: ignored,
          globalSetup: ['./test/docker/setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
