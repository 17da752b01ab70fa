/**
 * One chart component for every screen (bar, line, doughnut), on Chart.js with
 * only the pieces it uses registered, Vietnamese number formatting, no animation
 * (old PCs), and "Lưu ảnh PNG" for each chart. Whole-number data get whole-number
 * ticks (a count of 2 drew 0, 0, 1, 1, 2, 2: halves rounded for display), values show
 * in a tooltip of the page's own text on hover, a doughnut's legend carries its numbers,
 * and a table under each chart holds the same figures for print and for reading.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
  type TooltipModel
} from 'chart.js'
import { useEffect, useRef, useState } from 'react'
import { formatNumber } from '../../../shared/text'

ChartJS.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip
)
ChartJS.defaults.font.family = "'Segoe UI', 'Noto Sans', Arial, sans-serif"
ChartJS.defaults.animation = false

const PALETTE = ['#1f6f8b', '#e07a1f', '#3d9a50', '#b33a3a', '#7a5aa6', '#8c6d3f', '#5c7080', '#c25a9a']

export interface Series {
  label: string
  values: number[]
}

export interface ChartProps {
  kind: 'bar' | 'line' | 'doughnut'
  title: string
  labels: string[]
  series: Series[]
  /** File name (without .png) for "Lưu ảnh PNG". */
  fileName: string
  stacked?: boolean
  /** Counts: ticks on whole numbers only. */
  integer?: boolean
  height?: number
  testId?: string
}

interface Tip {
  x: number
  y: number
  title: string
  lines: string[]
}

export function Chart({ kind, title, labels, series, fileName, stacked, integer, height = 260, testId }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<ChartJS | null>(null)
  const [tip, setTip] = useState<Tip | null>(null)
  const [ticks, setTicks] = useState<string>('')
  // Counts are whole numbers whether or not the caller said so: their axis never shows halves.
  const whole = integer ?? series.every((s) => s.values.every((v) => Number.isInteger(v)))

  useEffect(() => {
    if (!canvas.current) return
    const round = kind === 'doughnut'
    const external = ({ tooltip }: { tooltip: Pick<TooltipModel<'bar'>, 'opacity' | 'caretX' | 'caretY' | 'title' | 'body'> }) => {
      if (tooltip.opacity === 0) return setTip(null)
      setTip({ x: tooltip.caretX, y: tooltip.caretY, title: (tooltip.title ?? []).join(' '), lines: tooltip.body.flatMap((b) => b.lines) })
    }
    const config: ChartConfiguration = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: round ? labels.map((_, j) => PALETTE[j % PALETTE.length]!) : PALETTE[i % PALETTE.length],
          borderColor: round ? '#fff' : PALETTE[i % PALETTE.length]
        }))
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Over a bar's column (not only the bar itself) the tip shows every series of that category.
        ...(round ? {} : { interaction: { mode: 'index' as const, intersect: false } }),
        plugins: {
          title: { display: true, text: title },
          legend: {
            display: round || series.length > 1,
            position: 'bottom',
            // A doughnut's slices read with their numbers: «Đang hoạt động: 12».
            ...(round
              ? {
                  labels: {
                    generateLabels: (c: ChartJS) =>
                      labels.map((l, j) => ({
                        text: `${l}: ${formatNumber(series[0]?.values[j] ?? 0)}`,
                        fillStyle: PALETTE[j % PALETTE.length]!,
                        strokeStyle: '#fff',
                        hidden: !c.getDataVisibility(j),
                        index: j
                      }))
                  }
                }
              : {})
          },
          tooltip: { enabled: false, external, callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${formatNumber(Number(c.raw))}` } }
        },
        scales: round
          ? {}
          : {
              x: { stacked },
              y: {
                stacked,
                beginAtZero: true,
                ticks: {
                  ...(whole ? { precision: 0 } : {}),
                  callback: (v) => (whole && !Number.isInteger(Number(v)) ? null : formatNumber(Number(v)))
                }
              }
            }
      }
    }
    chart.current?.destroy()
    chart.current = new ChartJS(canvas.current, config)
    // The axis as drawn, for a reader of the page that cannot see the canvas.
    setTicks(round ? '' : (chart.current.scales.y?.ticks ?? []).map((t) => String(t.label)).join(' | '))
    return () => {
      chart.current?.destroy()
      chart.current = null
    }
  }, [kind, title, JSON.stringify(labels), JSON.stringify(series), stacked, whole])

  const savePng = () => {
    if (!chart.current) return
    const a = document.createElement('a')
    a.href = chart.current.toBase64Image('image/png', 1)
    a.download = `${fileName}.png`
    a.click()
  }

  return (
    <figure className="chart" data-testid={testId} data-y-ticks={ticks}>
      <div style={{ position: 'relative', height }} onMouseLeave={() => setTip(null)}>
        <canvas ref={canvas} role="img" aria-label={title} />
        {tip && (
          <div className="chart-tip" role="tooltip" data-testid="chart-tip" style={{ left: tip.x, top: tip.y }}>
            {tip.title && <strong>{tip.title}</strong>}
            {tip.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        )}
      </div>
      <table className="chart-table" data-testid="chart-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th />
            {series.map((s) => (
              <th key={s.label}>{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, j) => (
            <tr key={l}>
              <th>{l}</th>
              {series.map((s) => (
                <td key={s.label}>{formatNumber(s.values[j] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        <button type="button" className="link" onClick={savePng}>
          Lưu ảnh PNG
        </button>
      </figcaption>
    </figure>
  )
}
