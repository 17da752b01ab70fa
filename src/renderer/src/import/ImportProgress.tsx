/**
 * The import's progress while the core reads or writes the files: a bar with rows done of the total when the core
 * knows it, else a running bar, and which file and sheet it is on. Its own piece so the screen only says when it shows.
 */
import type { ProgressEvent } from '../../../shared/api'
import { formatNumber } from '../../../shared/text'

export function ImportProgress({ progress }: { progress: ProgressEvent | null }) {
  return (
    <div style={{ display: 'flex', gap: 10, alignItems: 'center' }} data-testid="import-progress">
      {progress && progress.total !== null ? (
        <progress value={progress.done} max={Math.max(1, progress.total)} style={{ width: 320 }} aria-label="Tiến độ" />
      ) : (
        <progress style={{ width: 320 }} aria-label="Tiến độ" />
      )}
      <span className="muted">
        {progress ? progress.label : 'Đang gửi tệp'}
        {progress?.file ? ` ${progress.file}` : ''}
        {progress?.sheet ? ` › ${progress.sheet}` : ''}
        {progress && progress.total !== null ? `: ${formatNumber(progress.done)}/${formatNumber(progress.total)} dòng` : '…'}
      </span>
    </div>
  )
}
