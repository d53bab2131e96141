// Lint rules, including the layer boundaries of the design (§2): enforced here, not in prose.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUntranslatedJsx from './eslint-rules/no-untranslated-jsx.js';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'worker_threads'];
const layers = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.tmp/', 'test/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(?!zod(/|$)|\\.{1,2}/)', message: 'src/shared imports nothing but zod (design §2).' },
        { group: layers('core', 'main', 'preload', 'renderer', 'web-host', 'cli', 'sandbox'), message: 'src/shared cannot depend on other layers.' },
      ]),
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'enroll-desk': { rules: { 'no-untranslated-jsx': noUntranslatedJsx } } },
    rules: { 'enroll-desk/no-untranslated-jsx': 'error' },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node built-ins (design §2).' },
          { group: ['electron', 'electron/**', 'sharp', 'keytar', 'better-sqlite3'], message: 'The renderer talks to main only through the IPC client (design §2).' },
          { group: layers('core', 'main', 'preload', 'web-host', 'cli', 'sandbox'), message: 'The renderer may import only src/shared and itself.' },
        ],
      ),
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/**', 'react', 'react-dom', 'react/**', 'zustand'], message: 'src/core is plain Node: no Electron, no React (design §2).' },
        { group: layers('main', 'preload', 'renderer', 'web-host', 'cli'), message: 'src/core cannot depend on hosts.' },
      ]),
    },
  },
  {
    files: ['src/sandbox/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: layers('core', 'main', 'preload', 'renderer', 'web-host', 'cli'), message: 'The sandbox is an independent implementation of the Oz API: it never imports the client side (design §2).' },
        { group: ['electron', 'electron/**'], message: 'The sandbox is plain Node.' },
      ]),
    },
  },
  {
    files: ['src/web-host/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/**'], message: 'Only src/main and src/preload use Electron.' },
        { group: layers('main', 'preload', 'renderer'), message: 'Hosts share src/core, not each other.' },
      ]),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/ipc/register.ts', 'src/main/cli-mode.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [{ group: layers('renderer', 'web-host', 'cli', 'preload'), message: 'Main composes core; it does not import other hosts.' }],
        [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only src/main/ipc/register.ts uses ipcMain; only preload uses ipcRenderer (design §2).' }],
      ),
    },
  },
  {
    // The CLI-in-app seam: the one main file that loads the CLI (a separate bundle at run time).
    files: ['src/main/cli-mode.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: layers('renderer', 'web-host', 'preload'), message: 'Main composes core; it runs the CLI only.' }]),
    },
  },
  {
    files: ['src/main/ipc/register.ts'],
    rules: {
      'no-restricted-imports': restrict([], [{ name: 'electron', importNames: ['ipcRenderer'], message: 'Only preload uses ipcRenderer.' }]),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        [{ group: layers('core', 'main', 'renderer', 'web-host', 'cli', 'sandbox'), message: 'Preload is a generic bridge built from the contract only.' }],
        [{ name: 'electron', importNames: ['ipcMain'], message: 'Only src/main/ipc/register.ts uses ipcMain.' }],
      ),
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', '**/*.test.ts', '**/*.test.tsx', 'src/*/testing/**'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
