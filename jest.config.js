/**
 * Transpile-only (swc); `tsc --noEmit` in `npm test` does the type-checking once for all files.
 * Two projects: the library on cdktf (every suite), and the same source on CDK Terrain (cdktn):
 * `cdktf` and `@cdktf/provider-aws` map to the fork's packages and the Alibaba Cloud bindings to
 * the ones the fork's generator makes (test/cdktn/global-setup.js), as the cdktn package is built.
 */
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
  // The construct, parity and limit suites; the flavour comparison. Suites about the cdktf build
  // itself (bindings check, package, load, API snapshot, README types) and Terraform runs stay in
  // the cdktf project.
  testMatch: [
    '**/aws-*.test.ts',
    '**/alicloud-*.test.ts',
    '**/parity.test.ts',
    '**/limits.test.ts',
    '**/versions.test.ts',
    '**/artifact-bucket.test.ts',
    '**/core-package.test.ts',
    '**/cloud-types.test.ts',
    '**/cdktn/*.test.ts',
  ],
  testPathIgnorePatterns: ['alicloud-bindings\\.test\\.ts', 'aws-schema\\.test\\.ts'],
  transform,
  moduleNameMapper: {
    '^cdktf$': 'cdktn',
    '^cdktf/lib/testing/adapters/jest$': 'cdktn/lib/testing/adapters/jest',
    '^@cdktf/provider-aws/(.*)$': '@cdktn/provider-aws/$1',
    '^\\.{1,2}/provider/(.*)$': '<rootDir>/build/cdktn/src/alicloud/provider/$1',
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
