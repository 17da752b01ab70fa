/**
 * `npm run web -- --db FILE [--port N] [--no-build] [--user NAME]`: the browser
 * preview. Builds the renderer, opens the core on the file and serves both on
 * 127.0.0.1 through the bridge; prints the URL with its token.
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../shared/errors'
import { startBridge } from './bridge'
import { createCore } from './core/api'

const root = resolve(__dirname, '../..')

async function main(): Promise<number> {
  let values
  try {
    values = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, 'no-build': { type: 'boolean' }, user: { type: 'string' } }
    }).values
  } catch (err) {
    console.error(`Tùy chọn không hợp lệ (${(err as Error).message}).`)
    return 2
  }
  if (!values.db) {
    console.error('Thiếu --db TỆP. Ví dụ: npm run web -- --db ~/so-htx.db')
    return 2
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port phải là một số cổng từ 1 đến 65535.')
    return 2
  }
  if (!values['no-build']) {
    console.error('Đang build giao diện…')
    execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit']
    })
  }
  const core = await createCore({ dbPath: resolve(values.db), user: values.user, dailyBackup: true, checkIntegrity: true })
  const bridge = await startBridge(core, { staticDir: resolve(root, 'out/renderer'), port })
  console.log(`Sổ HTX (xem trên trình duyệt): ${bridge.url}`)
  const stop = async () => {
    await bridge.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return -1
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (err) => {
    console.error(err instanceof AppError ? err.message : `Không khởi động được: ${(err as Error).message}`)
    process.exitCode = 1
  }
)
