import js from '@eslint/js'
import tanstackQuery from '@tanstack/eslint-plugin-query'
import checkFile from 'eslint-plugin-check-file'
import importX from 'eslint-plugin-import-x'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const pureMessage =
  'lib/oidc and lib/jwt must be independent: pure protocol code imports nothing from React, features, lib/http or storage.'
const wireMessage =
  'lib/wire is the lowest layer (wire types, form bodies, masking, base64url): it imports nothing else from src.'
const belowOidcMessage =
  'lib/http and lib/jwt sit below lib/oidc: take wire types and helpers from lib/wire, Result from lib/result.'

const FEATURES = ['flow', 'tokens', 'exchanges', 'matrix', 'lessons']

/** Layering that holds for every file under src, tests included. */
const layerZones = [
  {
    target: './src/lib/wire',
    from: './src',
    except: ['./lib/wire'],
    message: wireMessage,
  },
  {
    target: './src/lib/result.ts',
    from: './src',
    except: ['./lib/result.ts'],
    message: 'lib/result.ts is a leaf: it imports nothing from src.',
  },
  {
    target: ['./src/lib/oidc', './src/lib/jwt'],
    from: ['./src/features', './src/app', './src/components', './src/lib/http'],
    message: pureMessage,
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: [`./src/features/!(${feature})/**`],
    message: 'Features do not import each other; compose them in src/app.',
  })),
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app'],
    message: 'Shared layers never import features or the app.',
  },
]

/** lib/http and lib/jwt may not import lib/oidc; lib/http tests may use its request builders as inputs. */
const protocolZones = [
  {
    target: ['./src/lib/http/**/!(*.test).ts', './src/lib/jwt'],
    from: './src/lib/oidc',
    message: belowOidcMessage,
  },
]

/** No React, no query library, no fetch, no storage: for the pure layers. */
function pureRules(message) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'react', message }],
        patterns: [{ group: ['react-dom', 'react-dom/*', '@tanstack/*'], message }],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'fetch', message },
      { name: 'sessionStorage', message },
      { name: 'localStorage', message },
      { name: 'indexedDB', message },
    ],
  }
}

export default tseslint.config(
  { ignores: ['dist', 'dist-base', 'node_modules', 'playwright-report', 'test-results', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.app.json', 'tsconfig.node.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': 'error',
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': tanstackQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...tanstackQuery.configs.recommended.rules,
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message: 'Use recordedFetch from @/lib/http: every exchange must be recorded.',
        },
        { name: 'localStorage', message: 'Storage lives behind the session/run stores only.' },
      ],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...protocolZones] }],
    },
  },
  {
    files: ['src/lib/oidc/**/*.ts', 'src/lib/jwt/**/*.ts'],
    rules: pureRules(pureMessage),
  },
  {
    files: ['src/lib/wire/**/*.ts', 'src/lib/result.ts'],
    rules: pureRules(wireMessage),
  },
  {
    files: ['src/lib/http/recorded-fetch.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['idp/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'playwright/no-networkidle': 'error',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
)
