/**
 * Transpile-only (swc); `tsc --noEmit` in `npm test` does the type-checking once for all files.
 * Two projects: the library on cdktf (every suite), and the same source on CDK Terrain (cdktn):
 * `cdktf` and `@cdktf/provider-aws` map to the fork's packages and the Alibaba Cloud bindings to
 * the ones the fork's generator makes (test/cdktn/global-setup.js), as the cdktn package is built.
 */
const { cdktnIgnorePatterns } = require('./test/suites');

const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] };

const cdktf = {
  displayName: 'cdktf',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/test/cdktn/'],
  transform,
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};

const cdktn = {
  displayName: 'cdktn',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Every suite but the few about the cdktf build itself, listed with their reasons in test/suites.js.
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: cdktnIgnorePatterns,
  transform,
  moduleNameMapper: {
    '^cdktf$': 'cdktn',
    '^cdktf/lib/testing/adapters/jest$': 'cdktn/lib/testing/adapters/jest',
    '^@cdktf/provider-aws/(.*)$': '<rootDir>/build/cdktn-deps/node_modules/@cdktn/provider-aws/$1',
    '^(?:\\.{1,2}/)+(?:lib/)?generated/alicloud/(.*)$': '<rootDir>/build/cdktn/src/generated/alicloud/$1',
  },
  globalSetup: '<rootDir>/test/cdktn/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};

module.exports = {
  projects: [cdktf, cdktn],
  testTimeout: 120000,
  // The Terraform-in-the-loop suites mostly wait on terraform processes: two workers on two cores.
  maxWorkers: 2,
};
