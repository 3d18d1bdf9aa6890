// Lint keeps the process boundary visible: shared/ is pure, renderer/ never reaches into electron/,
// and only the IPC wrapper may register a handler.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const ipcHandleOutsideWrapper = {
  selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(handle|handleOnce|on|once)$/]",
  message: 'Register IPC handlers only through electron/main/ipc/register.ts (it checks the sender and validates the payload).',
}
const exposingIpcRenderer = {
  selector: "CallExpression[callee.property.name='exposeInMainWorld'] Identifier[name='ipcRenderer']",
  message: 'Never expose ipcRenderer; expose the named contract functions.',
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ipcHandleOutsideWrapper, exposingIpcRenderer],
    },
  },
  {
    files: ['electron/main/ipc/register.ts'],
    rules: { 'no-restricted-syntax': ['error', exposingIpcRenderer] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron', 'node:*'], message: 'The renderer talks to main only through the IPC contract in shared/.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/renderer/**', 'electron', 'node:*', 'react', 'dexie'], message: 'shared/ is pure: it runs in main and renderer alike.' },
        ],
      }],
    },
  },
)
