/**
 * `npm run web -- --db FILE [--port N] [--no-build] [--user NAME]`: the browser
 * preview. Builds the renderer, opens the core on the file and serves both on
 * 127.0.0.1 through the bridge; prints the URL with its token.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../shared/errors'
import { startBridge } from './bridge'
import { openForWindow } from './startup'

const root = resolve(__dirname, '../..')
const USAGE = 'Cách dùng: npm run web -- --db TỆP [--port SỐ] [--no-build] [--user TÊN]'

/** node:util's parse errors, said in Vietnamese. */
function argumentProblem(err: unknown): string {
  const { code, message } = err as { code?: string; message: string }
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Không có tùy chọn «${quoted}».`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Thừa đối số «${quoted}» (tên tệp phải đi sau --db).`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Tùy chọn ${/--[a-z-]+/.exec(message)?.[0] ?? 'này'} cần một giá trị.`
  return 'Tùy chọn không hợp lệ.'
}

async function main(): Promise<number> {
  let values
  try {
    values = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, 'no-build': { type: 'boolean' }, user: { type: 'string' } }
    }).values
  } catch (err) {
    console.error(`${argumentProblem(err)}\n${USAGE}`)
    return 2
  }
  if (!values.db || values.db.trim() === '') {
    console.error(`Thiếu --db TỆP: tệp dữ liệu của cơ quan (chưa có thì sẽ được tạo).\n${USAGE}`)
    return 2
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    console.error(`--port phải là một số cổng từ 1 đến 65535 (bỏ trống để tự chọn cổng còn trống).\n${USAGE}`)
    return 2
  }
  if (values.user !== undefined && values.user.trim() === '') {
    console.error(`--user cần một tên người dùng (ghi vào nhật ký thay đổi).\n${USAGE}`)
    return 2
  }
  if (!values['no-build']) {
    console.error('Đang build giao diện…')
    execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit']
    })
  }
  const staticDir = resolve(root, 'out/renderer')
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    console.error('Chưa có bản build giao diện (out/renderer). Chạy lại không có --no-build, hoặc chạy npm run build trước.')
    return 1
  }
  const { core, problem } = await openForWindow({
    dbPath: resolve(values.db),
    user: values.user,
    password: process.env.SO_HTX_PASSWORD,
    dailyBackup: true,
    checkIntegrity: true
  })
  if (problem) console.error(`${problem.message}\nTrang web sẽ đề nghị khôi phục bản sao lưu tốt gần nhất: ${problem.backup.file}`)
  const bridge = await startBridge(core, { staticDir, port }).catch(async (err: unknown) => {
    await core.close()
    throw err
  })
  console.log(`Sổ HTX (xem trên trình duyệt): ${bridge.url}`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.error('Đang đóng sổ…')
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
    const code = (err as NodeJS.ErrnoException).code
    console.error(
      err instanceof AppError
        ? err.message
        : code === 'EADDRINUSE'
          ? 'Cổng này đang có chương trình khác dùng; chọn cổng khác bằng --port hoặc bỏ --port để tự chọn.'
          : `Không khởi động được: ${(err as Error).message}`
    )
    process.exitCode = 1
  }
)
