// The house's layering, enforced where the code is written (npm test runs this):
// the core never imports Electron, the renderer only talks to the core through
// the typed client and the shared contract, and shared imports nothing but zod
// and itself — so one core can open three doors.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'kysely', 'kysely/*', 'xlsx', 'electron']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test/e2e/__screenshots__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Unused things fail tsc already (noUnusedLocals); a leading _ marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Migrations and a few raw-SQL seams speak to Kysely<any> by design (kysely's own docs do).
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
      // Folding and legacy-encoding detection match standalone combining marks (U+0300–U+0323) on purpose.
      'no-misleading-character-class': 'off'
    }
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The core never imports Electron: it runs under plain Node for the CLI, the bridge and the tests.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer only shows: it reaches the core through window.api and imports only shared/.'
            },
            { group: nodeOnly, message: 'No file system, SQL or Node in the renderer: ask the core.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared/ is imported by both sides and imports neither.' },
            { group: [...nodeOnly, 'react', 'react-dom', 'ag-grid-*'], message: 'shared/ runs in the window too: zod and itself only.' }
          ]
        }
      ]
    }
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**', 'test/**', 'electron.vite.config.ts', 'vitest.config.mts'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly'
      }
    }
  }
)
