/**
 * One Jest config for every workspace except the portal (web/ has its own tooling). TypeScript goes
 * through @swc/jest (TOOLCHAIN.md: fastest here). tests/setup prepares one database per run; see
 * services/kit/src/testing/db.ts for reading it from tests.
 *
 *   DATABASE_URL=postgresql://root@127.0.0.1:5432/postgres npx jest   uses that server (creates haven_test_<random>)
 *   npx jest                                                         starts an embedded PostgreSQL (.haven-test/pg, port 54330)
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // scripts/ too: the start script's helpers have tests beside them.
  roots: ['<rootDir>/services', '<rootDir>/gateway', '<rootDir>/tests', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/generated/', '<rootDir>/web/', '/\\.next/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  testTimeout: 30_000,
};
