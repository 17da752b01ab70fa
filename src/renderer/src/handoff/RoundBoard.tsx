/**
 * "Ai đã gửi" (province): the reporting rounds it has set (as-of date and deadline, the
 * yearly calendar's dates offered for a new one) and, for the round chosen, one row per
 * office the map expects on that date with its last package and where it stands. The
 * board prints under the province's letterhead and saves as .xlsx; the core builds both.
 */
import { useCallback, useEffect, useState } from 'react'
import {
  BOARD_STATE_LABELS,
  BOARD_STATES,
  gsoCode,
  stateText,
  type PrintablePage,
  type ReportRound,
  type RoundBoard as Board,
  type RoundCalendar
} from '../../../shared/api'
import { formatDate, parseViDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { PrintView } from '../components/PrintView'
import { downloadBase64 } from '../files'
import { localTime } from './time'

export function RoundBoard() {
  const [rounds, setRounds] = useState<ReportRound[]>([])
  const [calendar, setCalendar] = useState<RoundCalendar | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [board, setBoard] = useState<Board | null>(null)
  const [asOfText, setAsOfText] = useState('')
  const [deadlineText, setDeadlineText] = useState('')
  const [page, setPage] = useState<PrintablePage | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const fail = (err: unknown) => setNotice({ kind: 'error', text: messageOf(err) })

  const loadRounds = useCallback(async () => {
    const [list, cal] = await Promise.all([call('round.list', {}), call('round.calendar', {})])
    setRounds(list)
    setCalendar(cal)
    setAsOfText((t) => t || formatDate(cal.suggested.asOf))
    setDeadlineText((t) => t || formatDate(cal.suggested.deadline))
    setChosen((c) => c ?? list[0]?.asOf ?? null)
  }, [])

  useEffect(() => {
    loadRounds().catch(fail)
  }, [loadRounds])

  useEffect(() => {
    if (!chosen) return setBoard(null)
    call('round.board', { asOf: chosen }).then(setBoard, fail)
  }, [chosen, rounds])

  async function setRound() {
    const asOf = parseViDate(asOfText)
    const deadline = parseViDate(deadlineText)
    if (!asOf || !deadline) return setNotice({ kind: 'error', text: 'Gõ ngày/tháng/năm cho cả ngày số liệu và hạn gửi, ví dụ 14/12/2026.' })
    try {
      const r = await call('round.set', { asOf, deadline })
      setNotice({ kind: 'success', text: `Đã đặt đợt số liệu đến ngày ${formatDate(r.asOf)}, hạn gửi ${formatDate(r.deadline)}.` })
      setChosen(r.asOf)
      await loadRounds()
    } catch (err) {
      fail(err)
    }
  }

  async function print() {
    if (chosen) call('round.page', { asOf: chosen }).then(setPage, fail)
  }

  async function saveXlsx() {
    if (!chosen) return
    try {
      const book = await call('round.xlsx', { asOf: chosen })
      downloadBase64(book.name, book.base64)
    } catch (err) {
      fail(err)
    }
  }

  return (
    <section className="page">
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <div className="settings-section">
        <h2>Đợt báo cáo</h2>
        <div className="inline-form">
          <label className="field">
            <span>Số liệu tính đến ngày</span>
            <input
              value={asOfText}
              onChange={(e) => setAsOfText(e.target.value)}
              placeholder="dd/mm/yyyy"
              size={12}
              data-testid="round-asof"
            />
          </label>
          <label className="field">
            <span>Hạn gửi tỉnh</span>
            <input
              value={deadlineText}
              onChange={(e) => setDeadlineText(e.target.value)}
              placeholder="dd/mm/yyyy"
              size={12}
              data-testid="round-deadline"
            />
          </label>
          <button className="primary" onClick={setRound} data-testid="round-set">
            Đặt đợt
          </button>
        </div>
        {calendar && (
          <div className="hint" data-testid="round-calendar">
            <ul>
              {calendar.steps.map((s) => (
                <li key={s.by}>
                  {s.label}: chậm nhất {s.by} ({s.basis})
                </li>
              ))}
            </ul>
            <p>{calendar.why}</p>
            {calendar.replacedNote && (
              <details>
                <summary>Chưa xác nhận văn bản thay thế</summary>
                <p>{calendar.replacedNote}</p>
                <p>Nguồn: {calendar.source}</p>
              </details>
            )}
          </div>
        )}
        {rounds.length > 0 && (
          <label className="field">
            <span>Xem đợt</span>
            <select value={chosen ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="round-choose">
              {rounds.map((r) => (
                <option key={r.id} value={r.asOf}>
                  Số liệu đến {formatDate(r.asOf)} — hạn {formatDate(r.deadline)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>

      {board && (
        <div className="settings-section">
          <h2>
            Ai đã gửi — đợt số liệu đến {formatDate(board.round.asOf)}, hạn {formatDate(board.round.deadline)}
          </h2>
          <p data-testid="board-counts">
            {board.rows.length} đơn vị phải gửi:{' '}
            {BOARD_STATES.filter((s) => board.counts[s] > 0)
              .map((s) => `${BOARD_STATE_LABELS[s].toLowerCase()} ${board.counts[s]}`)
              .join(', ')}
            {board.pastDeadline && board.counts.missing > 0 ? ' — đã quá hạn gửi.' : '.'}
          </p>
          <div className="inline-form">
            <button onClick={print} data-testid="board-print">
              In
            </button>
            <button onClick={saveXlsx} data-testid="board-xlsx">
              Tải .xlsx
            </button>
          </div>
          <table className="list" data-testid="board">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Đơn vị</th>
                <th>Tình trạng</th>
                <th>Gói gần nhất xuất lúc</th>
                <th>Số liệu đến</th>
                <th>Gửi cho đợt lúc</th>
                <th>Ý kiến của tỉnh</th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((r) => (
                <tr key={r.code} data-testid={`board-${r.code}`} className={`board-${r.state}`}>
                  <td>{gsoCode(r.code)}</td>
                  <td>{r.name}</td>
                  <td data-testid="board-state">{stateText(r)}</td>
                  <td>{localTime(r.lastExportedAt)}</td>
                  <td>{formatDate(r.lastAsOf)}</td>
                  <td>{localTime(r.sentAt)}</td>
                  <td>{r.decisionNote ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {board.rules.map((rule) => (
            <p key={rule} className="hint">
              {rule}
            </p>
          ))}
        </div>
      )}
      {page && <PrintView page={page} onClose={() => setPage(null)} testIdPrefix="board-" />}
    </section>
  )
}
