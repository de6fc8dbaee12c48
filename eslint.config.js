import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'pg', 'kysely', 'fastify', '@fastify/*', '@electric-sql/*'];
const ban = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '.data/', 'apps/web/e2e/artifacts/', '**/.vite/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // Plain JS config and script files are outside every tsconfig: lint them without type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },

  // Dependency direction (docs/architecture.md): instrument <- scoring <- api; db <- auth <- api, cli; web talks HTTP only.
  {
    files: ['packages/instrument/**/*.ts'],
    rules: ban(['@socialsafety/*', ...nodeOnly, '**/apps/**'], 'instrument depends on zod only: it runs in the browser too.'),
  },
  {
    files: ['packages/scoring/src/**/*.ts'],
    rules: ban(
      ['@socialsafety/db', '@socialsafety/api', '@socialsafety/web', ...nodeOnly, '**/apps/**'],
      'scoring is pure: statistics and disclosure control, no I/O.',
    ),
  },
  {
    // The auditor must stay independent of the suppression logic it checks (disclosure-control.md rule 5).
    files: ['packages/scoring/src/audit/**/*.ts'],
    rules: ban(
      ['**/disclosure', '**/disclosure/**', '@socialsafety/*', ...nodeOnly],
      'the auditor shares no code with the suppression solver it attacks.',
    ),
  },
  {
    // The microdata verification must not trust the anonymiser it checks.
    files: ['packages/scoring/src/microdata/verify*.ts'],
    rules: ban(['./anonymise*', '**/disclosure/**', ...nodeOnly], 'verification shares no code with the anonymiser.'),
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: ban(['@socialsafety/scoring', '@socialsafety/instrument', '**/apps/**'], 'db knows how to connect, nothing else.'),
  },
  {
    files: ['packages/auth/**/*.ts'],
    rules: ban(
      ['@socialsafety/scoring', '@socialsafety/instrument', '@socialsafety/api', '@socialsafety/cli', '**/apps/**'],
      'auth holds what the API and the command line share (password hashing, secrets, account SQL): no app code.',
    ),
  },
  {
    files: ['apps/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@socialsafety/web', '**/apps/api/**', '**/apps/web/**', '../api/**'],
              message: 'the command line may not import the API or the web app: share code through packages (auth, db).',
            },
            {
              // The one exception: the demo loader writes through the API's own services (issue 10).
              regex: '^@socialsafety/api(?!/demo$)(/.*)?$',
              message: 'the command line may import only @socialsafety/api/demo from the API: share code through packages (auth, db).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.svelte'],
    rules: ban(
      ['@socialsafety/db', '@socialsafety/auth', '@socialsafety/scoring', '@socialsafety/api', '@socialsafety/testkit', ...nodeOnly, '**/apps/api/**'],
      'the web app talks to the API over HTTP only.',
    ),
  },
  {
    files: ['migrations/**/*.ts'],
    rules: ban(['@socialsafety/*', '../packages/**', '../apps/**'], 'migrations are frozen in time: no application code.'),
  },
);
