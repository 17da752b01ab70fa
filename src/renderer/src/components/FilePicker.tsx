/**
 * A file button in Vietnamese: the browser's own says «Choose Files / No file
 * chosen» in the language of the system, not of the app. «Chọn tệp…» opens the
 * same file dialog (the native input stays in the page, hidden, so drag-and-drop
 * code and tests set files on it as before) and the chosen names show beside it.
 */
import { useRef, useState } from 'react'

export interface FilePickerProps {
  accept?: string
  multiple?: boolean
  disabled?: boolean
  /** On the hidden input, where the files are set. */
  testId?: string
  /** What the button says; «Chọn tệp…» unless a screen needs more. */
  label?: string
  onFiles(files: FileList | null): void | Promise<void>
  /** After the files are dealt with (e.g. attached), the picker empties for the next ones. */
  clearAfter?: boolean
}

export function FilePicker({ accept, multiple, disabled, testId, label = 'Chọn tệp…', onFiles, clearAfter }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null)
  const [names, setNames] = useState<string[]>([])
  return (
    <span className="file-picker">
      <button
        type="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        data-testid={testId ? `${testId}-button` : undefined}
      >
        {label}
      </button>
      <span className="file-names" data-testid={testId ? `${testId}-names` : undefined} title={names.join('\n')}>
        {names.length === 0 ? 'Chưa chọn tệp nào' : names.length === 1 ? names[0] : `${names.length} tệp: ${names.join(', ')}`}
      </span>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const files = e.target.files
          setNames(files ? [...files].map((f) => f.name) : [])
          void Promise.resolve(onFiles(files)).finally(() => {
            if (!clearAfter || !input.current) return
            input.current.value = ''
            setNames([])
          })
        }}
      />
    </span>
  )
}
