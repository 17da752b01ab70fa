/**
 * Drafts as Word files: the same content as the .html draft, in the smallest
 * WordprocessingML package, opened by LibreOffice (converted to PDF and to text).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import { officeCore } from '../helpers/temp'
import { unzip } from '../helpers/zip'

let core: Awaited<ReturnType<typeof officeCore>>
beforeEach(async () => {
  core = await officeCore('180')
})
afterEach(async () => {
  await core.dispose()
})

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
/** Writer is the part of LibreOffice that reads a Word file; a Calc-only install has soffice without it. */
function hasWriter(): boolean {
  try {
    const program = dirname(realpathSync(execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim()))
    return existsSync(join(program, '..', 'share', 'registry', 'writer.xcd'))
  } catch {
    return false
  }
}
const SOFFICE = hasSoffice() && hasWriter()
if (!SOFFICE)
  console.log(
    'LibreOffice Writer (soffice) is not installed: skipping "LibreOffice opens the .docx draft"; .ci/run installs libreoffice-writer-nogui'
  )

async function openCase() {
  const e = await core.call('entity.create', {
    kind: 'htx',
    name: 'HTX <Đồng Tâm> & Bản Thẩm',
    regNo: '4900000017',
    status: 'active',
    registrationDate: '2010-04-02',
    representative: 'Hoàng Văn Bảy'
  })
  await core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2022-05-01' })
  const c = await core.call('dissolution.open', {
    entityId: e.id,
    kind: 'compulsory',
    law: '2012',
    lawReason: 'HTX ngừng hoạt động từ năm 2022, vụ việc bắt đầu khi Luật HTX 2012 còn hiệu lực',
    ground: 'no_activity_12m',
    openedOn: '2024-07-15',
    decisionNo: '125/QĐ-UBND'
  })
  await core.call('dissolution.council', {
    caseId: c.id,
    name: 'Lý Thị Mai',
    role: 'chair',
    represents: 'ubnd',
    organisation: 'Phó Chủ tịch UBND huyện'
  })
  return c
}

/** The document's words in order, tags dropped, as Word would show them. */
const wordsOf = (documentXml: string) =>
  documentXml
    .replace(/<w:tab\/>|<w:br\/>|<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

describe('dissolution.draftDocx', () => {
  it('returns {name, base64}: a zip with [Content_Types].xml, _rels/.rels and word/document.xml holding the draft’s words', async () => {
    const c = await openCase()
    const file = await core.call('dissolution.draftDocx', { caseId: c.id, doc: 'council', date: '2024-08-05' })
    expect(file.name).toBe(`quyet-dinh-thanh-lap-hoi-dong-giai-the-${c.id}.docx`)
    const entries = unzip(Buffer.from(file.base64, 'base64'))
    expect(entries.map((x) => x.name).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    const doc = entries.find((x) => x.name === 'word/document.xml')!.data.toString('utf8')
    const words = wordsOf(doc)
    for (const line of [
      'ỦY BAN NHÂN DÂN',
      'HUYỆN TRÀNG ĐỊNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Tràng Định, ngày 05 tháng 8 năm 2024',
      'Số: ……/QĐ-UBND',
      'Về việc thành lập Hội đồng giải thể bắt buộc HTX <Đồng Tâm> & Bản Thẩm',
      'Lý Thị Mai',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN'
    ])
      expect(words).toContain(line)
    // The name is text in the file, never markup.
    expect(doc).toContain('HTX &lt;Đồng Tâm&gt; &amp; Bản Thẩm')
    // The .html draft says the same.
    const html = (await core.call('dissolution.draft', { caseId: c.id, doc: 'council', date: '2024-08-05' })).html
    expect(html).toContain('Lý Thị Mai')
  })

  it('CLI: dissolution draft --out TỆP.docx writes the Word file', async () => {
    const c = await openCase()
    const out = join(core.dir, 'thong-bao.docx')
    await core.close()
    expect(
      await runCli(['dissolution', 'draft', '--db', core.dbPath, '--case', String(c.id), '--doc', 'notice', '--out', out], {
        out: () => {},
        err: () => {}
      })
    ).toBe(0)
    const doc = unzip(readFileSync(out)).find((x) => x.name === 'word/document.xml')!
    expect(wordsOf(doc.data.toString('utf8'))).toContain('THÔNG BÁO')
    core = await officeCore('180') // afterEach disposes a live core
  })

  it.skipIf(!SOFFICE)(
    'LibreOffice opens the .docx draft: soffice --headless --convert-to pdf gives a PDF, and to text gives the draft’s words',
    async () => {
      const c = await openCase()
      const dir = join(core.dir, 'docx')
      mkdirSync(dir, { recursive: true })
      for (const doc of ['council', 'notice', 'request'] as const) {
        const file = await core.call('dissolution.draftDocx', { caseId: c.id, doc })
        writeFileSync(join(dir, file.name), Buffer.from(file.base64, 'base64'))
      }
      const names = ['council', 'notice', 'request'].map(
        (d) =>
          ({ council: 'quyet-dinh-thanh-lap-hoi-dong-giai-the', notice: 'thong-bao-giai-the', request: 'de-nghi-ghi-nhan-giai-the' })[d]! +
          `-${c.id}`
      )
      const profile = `-env:UserInstallation=file://${join(core.dir, 'lo-profile')}`
      execFileSync(
        'soffice',
        [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))],
        { stdio: 'ignore', timeout: 120_000 }
      )
      for (const n of names) {
        const pdf = join(dir, `${n}.pdf`)
        expect(existsSync(pdf), `${n}.pdf`).toBe(true)
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
      }
      execFileSync('soffice', [profile, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, `${names[1]}.docx`)], {
        stdio: 'ignore',
        timeout: 120_000
      })
      const text = readFileSync(join(dir, `${names[1]}.txt`), 'utf8').replace(/\s+/g, ' ')
      expect(text).toContain('THÔNG BÁO')
      expect(text).toContain('Về việc giải thể HTX <Đồng Tâm> & Bản Thẩm')
      expect(text).toContain('Chủ tịch Hội đồng giải thể: Lý Thị Mai')
    },
    180_000
  )
})
