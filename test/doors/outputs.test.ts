/**
 * outputs never overwrite a file the core owns, and no API input
 * names a path to write. Through the doors where it was found: the CLI's --out
 * and format options, the bridge's /api, and the contract itself.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { refusal, writeOutput } from '../../src/main/cli/output'
import { apiContract, type ApiName } from '../../src/shared/api'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

async function office(): Promise<{ dir: string; db: string; caseId: string }> {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const db = join(t.dir, 'a.db')
  expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
  expect((await cli('entity', 'add', '--db', db, '--name', 'HTX Chè Tân Thành', '--reg-no', '4900000018')).code).toBe(0)
  const open = await cli(
    'dissolution',
    'open',
    '--db',
    db,
    '--entity',
    '4900000018',
    '--kind',
    'voluntary',
    '--law',
    '2012',
    '--date',
    '01/03/2024',
    '--json'
  )
  expect(open.code).toBe(0)
  return { dir: t.dir, db, caseId: String(JSON.parse(open.stdout).id) }
}

describe('CLI outputs refuse the files the core owns', () => {
  it('dissolution print --out a.db leaves the database whole, and the case file is written where it may be', async () => {
    const { dir, db, caseId } = await office()
    const before = sha(db)
    for (const out of [db, `${db}-wal`, join(dir, 'A.DB.html').replace('A.DB.html', 'a.db')]) {
      const r = await cli('dissolution', 'print', '--db', db, '--case', caseId, '--out', out)
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/đuôi \.html|Không ghi đè/)
    }
    expect(sha(db)).toBe(before)
    expect((await cli('entity', 'list', '--db', db, '--json')).code).toBe(0)
    const ok = await cli('dissolution', 'print', '--db', db, '--case', caseId, '--out', join(dir, 'ho-so.html'))
    expect(ok.code).toBe(0)
    expect(readFileSync(join(dir, 'ho-so.html'), 'utf8')).toContain('HTX Chè Tân Thành')
  })

  it('the signing key, another office’s database named .html, a link to the database and the backups folder are refused', async () => {
    const { dir, db, caseId } = await office()
    expect((await cli('export', '--db', db, '--out', join(dir, 'goi.xlsx'), '--as-of', '30/06/2024')).code).toBe(0)
    const key = `${db}.signing-key.pem`
    expect(existsSync(key)).toBe(true)
    const keyBefore = sha(key)
    const r1 = await cli('dissolution', 'print', '--db', db, '--case', caseId, '--out', key)
    expect(r1.code).not.toBe(0)
    expect(sha(key)).toBe(keyBefore)

    // Another office's file that someone renamed: still a database, never overwritten.
    const other = join(dir, 'huyen-khac.html')
    writeFileSync(other, readFileSync(db))
    const r2 = await cli('dissolution', 'summary', '--db', db, '--out', other)
    expect(r2.code).not.toBe(0)
    expect(r2.stderr).toContain('cơ sở dữ liệu')
    expect(readFileSync(other).subarray(0, 15).toString()).toBe('SQLite format 3')

    const link = join(dir, 'loi-tat.html')
    symlinkSync(db, link)
    const r3 = await cli('dissolution', 'print', '--db', db, '--case', caseId, '--out', link)
    expect(r3.code).not.toBe(0)
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3')

    mkdirSync(join(dir, 'backups'), { recursive: true })
    const r4 = await cli('report', 'phu-luc-1', '--db', db, '--as-of', '30/06/2024', '--xlsx', join(dir, 'backups', 'bao-cao.xlsx'))
    expect(r4.code).not.toBe(0)
    expect(r4.stderr).toContain('do Sổ HTX quản lý')
    expect(existsSync(join(dir, 'backups', 'bao-cao.xlsx'))).toBe(false)
  })

  it('a report goes only to a name with its format’s extension, whole, with no temporary file left', async () => {
    const { dir, db } = await office()
    const wrong = await cli('report', 'phu-luc-1', '--db', db, '--as-of', '30/06/2024', '--xlsx', join(dir, 'bao-cao.db'))
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toContain('đuôi .xlsx')
    expect(existsSync(join(dir, 'bao-cao.db'))).toBe(false)
    const missing = await cli('report', 'phu-luc-1', '--db', db, '--as-of', '30/06/2024', '--xlsx', join(dir, 'khong-co', 'bao-cao.xlsx'))
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('Không có thư mục')
    const ok = await cli('report', 'phu-luc-1', '--db', db, '--as-of', '30/06/2024', '--xlsx', join(dir, 'bao-cao.xlsx'))
    expect(ok.code).toBe(0)
    expect(readFileSync(join(dir, 'bao-cao.xlsx')).subarray(0, 2).toString()).toBe('PK')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tam'))).toEqual([])
  })

  it('a viewer profile can print, but not over the database either', async () => {
    const { dir, db, caseId } = await office()
    process.env.SO_HTX_NEW_PASSWORD = ''
    expect((await cli('profile', 'add', '--db', db, '--name', 'Quản trị')).code).toBe(0)
    expect((await cli('profile', 'add', '--db', db, '--name', 'Khách', '--role', 'viewer', '--user', 'Quản trị')).code).toBe(0)
    const before = sha(db)
    const r = await cli('dissolution', 'print', '--db', db, '--case', caseId, '--out', db, '--user', 'Khách')
    expect(r.code).not.toBe(0)
    expect(sha(db)).toBe(before)
    expect((await cli('dissolution', 'print', '--db', db, '--case', caseId, '--out', join(dir, 'xem.html'), '--user', 'Khách')).code).toBe(
      0
    )
  })
})

describe('writeOutput', () => {
  it('replaces an earlier output of its own kind atomically and refuses a folder', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = join(t.dir, 'a.html')
    writeFileSync(file, 'cũ')
    writeOutput({ path: file, extensions: ['.html'] }, 'mới')
    expect(readFileSync(file, 'utf8')).toBe('mới')
    mkdirSync(join(t.dir, 'x.html'))
    expect(refusal({ path: join(t.dir, 'x.html'), extensions: ['.html'] })).toContain('thư mục')
    expect(readdirSync(t.dir).sort()).toEqual(['a.html', 'x.html'])
  })
})

/**
 * The contract: an input key that names a file is a read (import, verify, trust a
 * key, restore, attach) — listed here with why. A new one fails this test until
 * someone decides; a write never takes a path (the door saves what the core returns).
 */
const PATH_INPUTS: Partial<Record<ApiName, string[]>> = {
  'exchange.previewImport': ['path'],
  'exchange.commitImport': ['path'],
  'handoff.verify': ['file', 'path'],
  'handoff.consolidate': ['path'],
  'handoff.trustKey': ['path'],
  'backup.restore': ['file'],
  'backup.list': ['folder'],
  // The one write to a named place: a new copy with a name the core makes, never over an existing file.
  'backup.create': ['folder'],
  'dissolution.attach': ['file', 'path'],
  // The national database's list, read to compare with the register (and again to adopt from it).
  'reconcile.compare': ['file', 'path'],
  'reconcile.adopt': ['file', 'path'],
  // A list of support programmes the office received as a spreadsheet, read into the support register.
  'support.import': ['file', 'path'],
  // The province's signed reply to a package, read into the district's file.
  'review.import': ['file', 'path'],
  // A former district's handover package, read into the commune office that receives it.
  'handover.import': ['file', 'path']
}

/** Every object key at any depth of a schema (objects, arrays, unions, optionals, pipes). */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def
  if (def.type === 'object') {
    const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>
    return Object.entries(shape).flatMap(([k, v]) => [k, ...keysOf(v)])
  }
  const inner = [...((def.options as z.ZodType[] | undefined) ?? []), def.innerType, def.element, def.in, def.out, def.left, def.right]
  return inner.filter((s): s is z.ZodType => !!s && typeof s === 'object' && 'def' in s).flatMap(keysOf)
}

describe('the contract', () => {
  it('no handler takes a path, file, folder or out except the reads listed with their reason', () => {
    for (const [name, entry] of Object.entries(apiContract) as Array<[ApiName, { input: z.ZodType }]>) {
      const named = [...new Set(keysOf(entry.input))].filter((k) => /^(path|file|folder|dir|out|target|dest)$/i.test(k))
      expect({ name, named }).toEqual({ name, named: PATH_INPUTS[name] ?? [] })
    }
  })
})
