import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { faultOf } from '../core/db/connection'
import { commands } from './commands/index'
import { EXIT, UsageError, type CliIo } from './io'

export function usage(): string {
  return [
    'Sổ HTX — dòng lệnh. Cách dùng: npm run cli -- LỆNH [tùy chọn]',
    '',
    ...Object.values(commands).map((c) => '  ' + c.usage),
    '',
    'Mọi lệnh nhận --db TỆP; --json in đúng một tài liệu JSON ra stdout; --user TÊN ghi vào nhật ký thay đổi (tệp có hồ sơ: tên hồ sơ, mật khẩu trong biến SO_HTX_PASSWORD).',
    'Mã thoát: 0 xong, 1 dữ liệu bị từ chối, 2 sai cách dùng.'
  ].join('\n')
}

/** node:util speaks English; say the same in Vietnamese, naming the option. */
function parseProblem(err: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1] ?? ''
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Không có tùy chọn ${option}.`
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Tùy chọn ${option} cần một giá trị.`
  return `Tùy chọn không hợp lệ (${option || err.message}).`
}

/**
 * "--profit -50.000.000": node:util would read the negative number as an option
 * and refuse; a string option followed by a word that is a negative number takes it.
 */
function joinNegativeValues(args: string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const name = /^--([^=]+)$/.exec(args[i]!)?.[1]
    const next = args[i + 1]
    if (name && options[name]?.type === 'string' && next !== undefined && /^[-\u2212]\d/.test(next)) {
      out.push(`${args[i]}=${next}`)
      i++
    } else out.push(args[i]!)
  }
  return out
}

/** Runs one command line; returns the exit code instead of exiting, for tests. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json')
  const name = [argv.slice(0, 2).join(' '), argv[0]].find((n) => n !== undefined && n in commands)
  if (!name || argv[0] === '--help' || argv[0] === 'help') {
    if (!name && argv.length > 0 && argv[0] !== '--help' && argv[0] !== 'help') {
      io.err(`Không có lệnh «${argv.slice(0, 2).join(' ')}».`)
    }
    io.err(usage())
    return argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' ? EXIT.done : EXIT.usage
  }
  const command = commands[name]
  const rest = argv.slice(name.split(' ').length)
  try {
    let parsed
    try {
      parsed = parseArgs({
        args: joinNegativeValues(rest, command.options as Record<string, { type: string }>),
        options: command.options,
        allowPositionals: true,
        strict: true
      })
    } catch (err) {
      throw new UsageError(parseProblem(err as Error & { code?: string }))
    }
    if (parsed.positionals.length > 0 && !command.positionals) {
      throw new UsageError(`Lệnh này không nhận «${parsed.positionals[0]}».`)
    }
    const result = await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io)
    if (json) io.out(JSON.stringify(result, null, 2))
    else command.print?.(result, io)
    return command.exitCode?.(result) ?? EXIT.done
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message)
      io.err('Cách dùng: npm run cli -- ' + command.usage)
      if (json) io.out(JSON.stringify({ error: { code: 'USAGE', message: err.message } }))
      return EXIT.usage
    }
    const error =
      err instanceof AppError ? err : (faultOf(err) ?? new AppError('INTERNAL', 'Đã có lỗi không mong đợi; không có gì được ghi.'))
    // A stack trace is for the person debugging (SO_HTX_DEBUG=1), not for the one using the command.
    if (!(err instanceof AppError) && process.env.SO_HTX_DEBUG) io.err(String((err as Error)?.stack ?? err))
    io.err(error.message)
    const backup = error.code === 'CORRUPT' ? (error.details?.backup as { file?: string } | null | undefined) : null
    if (backup?.file) io.err(`Để dùng bản sao lưu đó: npm run cli -- restore --db TỆP --from ${backup.file}`)
    if (json) io.out(JSON.stringify({ error: error.toJSON() }))
    return EXIT.rejected
  }
}
