// Lint for the hand-written sources: typescript-eslint's recommended rules and no import cycles.
// Formatting is Prettier's job (`prettier --check` in `npm test`), so no style rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'cdktf.out/', 'coverage/', 'lib/generated/', 'lib/alicloud/provider/', '**/cdktf.out/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // An interface that only names its one base is how a cloud's props extend the shared contract.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Destructuring to drop fields (`const { a: _a, ...rest } = x`) is the intended use.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
