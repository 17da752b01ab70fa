/**
 * Files in and out of the page, the same behind every door: a picked file is
 * read as base64 for the core, and what the core returns as base64 is handed to
 * the user as a download (Electron shows its own "Lưu tệp" dialog for it).
 */
export interface Picked {
  name: string
  base64: string
}

export async function readAsBase64(file: File): Promise<Picked> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { name: file.name, base64: btoa(binary) }
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
  pub: 'text/plain;charset=utf-8'
} as const

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function downloadBase64(name: string, base64: string, type: string = MIME.xlsx): void {
  save(name, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }))
}

export function downloadText(name: string, text: string, type: string = MIME.csv): void {
  save(name, new Blob([text], { type }))
}
