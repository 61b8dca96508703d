import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'coverage',
      'node_modules',
      'out',
      'bench/out',
      '.check-examples',
      '.check-docs',
      'docs/api',
      'examples/angular/**',
      '.stryker-tmp',
      'reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        ReadableStream: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { patterns: ['rxjs/internal/*'] }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['rxjs/internal/*', 'node:*'],
          paths: ['fs', 'http', 'path', 'stream', 'buffer'],
        },
      ],
    },
  },
  {
    // Signed event ids need a synchronous HMAC (parseLastEventId answers at once, frames are
    // written as they come); Web Crypto's is async only. The serve entry runs on servers, and
    // every server runtime (Node, Deno, Bun, Workers with nodejs_compat) has node:crypto.
    files: ['lib/serve/event-id-signing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['rxjs/internal/*', 'node:*', '!node:crypto'],
          paths: ['fs', 'http', 'path', 'stream', 'buffer'],
        },
      ],
    },
  },
  {
    files: ['lib/testing/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['rxjs/internal/*'] }] },
  },
);
