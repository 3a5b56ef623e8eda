/** Transpile-only (swc); `tsc --noEmit` in `npm test` does the type-checking once for all files. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testTimeout: 120000,
  // The Terraform-in-the-loop suites mostly wait on terraform processes: two workers on two cores.
  maxWorkers: 2,
};
