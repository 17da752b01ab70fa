/**
 * The layering is the linter's (eslint.config.mjs), run by npm test: these check
 * that its rules bite where they must, on the real config, with code written
 * into each layer's folder.
 */
import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

describe('the layering, enforced by the linter', () => {
  it('the core never imports Electron', async () => {
    expect(await problems('src/main/core/registry/probe.ts', "import { app } from 'electron'\nexport const x = app\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*never imports Electron/)
    ])
    expect(await problems('src/main/index.ts', "import { app } from 'electron'\nexport const x = app\n")).toEqual([])
  })

  it('the renderer imports neither the main process nor Node', async () => {
    expect(
      await problems('src/renderer/src/probe.ts', "import { handlers } from '../../main/core/api'\nexport const x = handlers\n")
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*renderer only shows/)])
    expect(await problems('src/renderer/src/probe.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*ask the core/)
    ])
  })

  it('shared imports only zod and itself', async () => {
    expect(await problems('src/shared/probe.ts', "import { x } from '../renderer/src/api'\nexport const y = x\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports:/)
    ])
    expect(await problems('src/shared/probe.ts', "import Sqlite from 'better-sqlite3'\nexport const y = Sqlite\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports:/)
    ])
    expect(
      await problems('src/shared/probe.ts', "import { z } from 'zod'\nimport { clean } from './text'\nexport const y = [z, clean]\n")
    ).toEqual([])
  })
})
