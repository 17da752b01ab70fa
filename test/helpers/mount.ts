/**
 * Full and read-only drives are real here: a small tmpfs mounted for the test.
 * That needs root and a system that allows mounting; where it does not, the
 * tests that need it are skipped and say why, once, rather than pass unseen.
 */
import { spawnSync } from 'node:child_process'
import { tempDir } from './temp'

let answer: boolean | null = null

export function canMountTmpfs(): boolean {
  if (answer !== null) return answer
  answer = false
  if (process.getuid?.() === 0) {
    const t = tempDir('so-htx-mnt-probe-')
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', t.dir]).status === 0) {
      spawnSync('umount', ['-l', t.dir])
      answer = true
    }
    t.cleanup()
  }
  if (!answer) console.warn('[bỏ qua] Các kiểm thử ổ đầy / ổ chỉ đọc cần quyền root và lệnh mount tmpfs; máy này không có.')
  return answer
}

/** Mounts a small tmpfs (a USB stick of `sizeKb`) for the test; `cleanups` unmounts it. Null where the machine does not allow it. */
export function tmpfs(sizeKb: number, cleanups: Array<() => void | Promise<void>>): string | null {
  if (!canMountTmpfs()) return null
  const t = tempDir('so-htx-mnt-')
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', t.dir]).status !== 0) {
    t.cleanup()
    return null
  }
  cleanups.push(() => {
    spawnSync('umount', ['-l', t.dir])
    t.cleanup()
  })
  return t.dir
}
