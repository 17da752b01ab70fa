/**
 * One chart component for every screen (bar, line, doughnut), on Chart.js with
 * only the pieces it uses registered, Vietnamese number formatting, no animation
 * (old PCs), and "Lưu ảnh PNG" for each chart.
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
  type ChartConfiguration
} from 'chart.js'
import { useEffect, useRef } from 'react'
import { formatNumber } from '../../../shared/text'

ChartJS.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip)
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

export function Chart({ kind, title, labels, series, fileName, stacked, integer, height = 260, testId }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<ChartJS | null>(null)

  useEffect(() => {
    if (!canvas.current) return
    const round = kind === 'doughnut'
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
        plugins: {
          title: { display: true, text: title },
          legend: { display: round || series.length > 1, position: 'bottom' },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${formatNumber(Number(c.raw))}` } }
        },
        scales: round
          ? {}
          : {
              x: { stacked },
              y: { stacked, beginAtZero: true, ticks: { ...(integer ? { precision: 0 } : {}), callback: (v) => formatNumber(Number(v)) } }
            }
      }
    }
    chart.current?.destroy()
    chart.current = new ChartJS(canvas.current, config)
    return () => {
      chart.current?.destroy()
      chart.current = null
    }
  }, [kind, title, JSON.stringify(labels), JSON.stringify(series), stacked, integer])

  const savePng = () => {
    if (!chart.current) return
    const a = document.createElement('a')
    a.href = chart.current.toBase64Image('image/png', 1)
    a.download = `${fileName}.png`
    a.click()
  }

  return (
    <figure className="chart" data-testid={testId}>
      <div style={{ position: 'relative', height }}>
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <figcaption>
        <button type="button" className="link" onClick={savePng}>
          Lưu ảnh PNG
        </button>
      </figcaption>
    </figure>
  )
}
