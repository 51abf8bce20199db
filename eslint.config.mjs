// @ts-check
import tseslint from 'typescript-eslint';

const CONTEXTS = ['orders', 'fulfillment', 'settlement', 'disputes', 'reviews', 'compliance', 'access'];

/**
 * Module boundaries (ARCHITECTURE.md): a context may use another context only through its
 * public contract (`@tradehub/<context>/contract`), never its internals, module or tables;
 * the kernel stays free of Nest and the ORM; the platform knows no context.
 */
const boundaries = CONTEXTS.map((context) => {
  const others = CONTEXTS.filter((c) => c !== context);
  return {
    files: [`libs/${context}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^@tradehub/(${others.join('|')})(?!/contract$)(/.*)?$`,
              message:
                'A context may import another context only through its contract: @tradehub/<context>/contract.',
            },
            {
              regex: `^(\\.\\./)+(libs/)?(${others.join('|')}|kernel|platform)(/|$)`,
              message: 'Import other libs by their @tradehub alias, never by relative path.',
            },
            {
              regex: '^@tradehub/[a-z]+/src(/|$)',
              message: 'Import a lib by its alias, not its src folder.',
            },
            { regex: '^@tradehub/apps?(/|$)', message: 'Libraries never import the application.' },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'scripts/**/*.mjs',
      'eslint.config.mjs',
      'jest.config.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read time from the injected Clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read time from the injected Clock.',
        },
      ],
    },
  },
  ...boundaries,
  {
    files: ['libs/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@nestjs|@mikro-orm|kafkajs|pg$|@tradehub/)',
              message: 'The kernel is pure: no Nest, no ORM, no other lib.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^@tradehub/(${CONTEXTS.join('|')})(/|$)`,
              message: 'The platform serves every context and knows none.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON answers whose shape the assertions check.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['libs/platform/src/clock/system-clock.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
