import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'lib/',
      'lambda/',
      'coverage/',
      'node_modules/',
      'test/fixtures/',
      'bench-results/',
      'tmp/',
      '.node24/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Files over 300 lines are two files, functions over 60 lines two functions (blank lines and comments not
    // counted), everywhere in src/.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'http', 'https', 'child_process'],
              message: 'The core is pure: no I/O.',
            },
            { group: ['probot', '@octokit/*', '@actions/*'], message: 'The core knows nothing of GitHub clients.' },
            {
              group: ['../../github/*', '../../phases/*', '../../app/*', '../../action/*', '../../cli/*'],
              message: 'Dependencies point inward.',
            },
          ],
        },
      ],
    },
  },
);
