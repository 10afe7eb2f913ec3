import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';

// The pure layers (model → engine → export, and review over them) never see React, zustand or the DOM.
const pureLayer = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*'], message: 'model, engine and export are pure: no React, React Flow or zustand.' },
        { group: ['**/ui/**', '**/store/**', '**/worker/**'], message: 'model, engine and export may not import the UI, store or worker layers.' },
      ],
    },
  ],
  'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB'],
};

export default defineConfig([
  // test-fixtures/import-corpus and import-corpus-wild hold other people's machines as published: data for the import tests, not our code.
  globalIgnores(['dist', 'node_modules', 'test-results', 'playwright-report', 'reports', 'coverage', 'test-fixtures/import-corpus', 'test-fixtures/import-corpus-wild']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['src/model/**/*.ts', 'src/engine/**/*.ts', 'src/export/**/*.ts', 'src/review/**/*.ts'], rules: pureLayer },
]);
