/**
 * The grid's editor for «Xã, phường» (issue 14, point 2): type the commune without diacritics and
 * pick it from the office's official list (↑ ↓ then Enter, or a click); the cell then holds the
 * official name, which the core places on its code. Text that matches no commune is kept as typed —
 * the fallback the data check «commune_unplaced» flags. A plain DOM editor: the registry grid is AG
 * Grid itself, without its React wrapper.
 */
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community'
import type { MapUnit } from '../../../shared/api'
import { areaCommunes, matchCommunes } from '../registry/communes'

export class CommuneEditor implements ICellEditorComp {
  private root = document.createElement('div')
  private input = document.createElement('input')
  private list = document.createElement('ul')
  private options: MapUnit[] = []
  private matches: MapUnit[] = []
  /** The highlighted option; none until the person types or moves, so Enter on an untouched cell keeps it. */
  private active = -1
  /** Editing began with a printable key: that key is the start of the text, not something to select away. */
  private typed = false

  init(params: ICellEditorParams): void {
    this.root.className = 'commune-editor'
    this.root.dataset.testid = 'commune-editor'
    this.input.value = params.eventKey && params.eventKey.length === 1 ? params.eventKey : String(params.value ?? '')
    this.input.placeholder = 'Gõ tên xã, không dấu cũng được'
    this.input.setAttribute('aria-label', 'Xã, phường')
    this.list.setAttribute('role', 'listbox')
    this.list.className = 'unit-results'
    this.root.append(this.input, this.list)
    this.typed = !!params.eventKey && params.eventKey.length === 1
    void areaCommunes().then((all) => {
      this.options = all
      this.show(this.typed ? 0 : -1)
    })
    this.input.addEventListener('input', () => this.show(0))
    this.input.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
      // The arrows move in the list, not to the next row.
      e.stopPropagation()
      e.preventDefault()
      if (this.matches.length === 0) return
      const step = e.key === 'ArrowDown' ? 1 : -1
      this.show(Math.max(0, Math.min(this.matches.length - 1, this.active + step)))
    })
    this.list.addEventListener('mousedown', (e) => {
      const li = (e.target as HTMLElement).closest('li')
      if (!li) return
      e.preventDefault()
      this.show(Number(li.dataset.index))
      params.stopEditing()
    })
  }

  private show(active: number): void {
    this.matches = this.input.value.trim() ? matchCommunes(this.options, this.input.value, 8) : []
    this.active = this.matches.length ? Math.min(active, this.matches.length - 1) : -1
    this.list.replaceChildren(
      ...this.matches.map((u, i) => {
        const li = document.createElement('li')
        li.textContent = u.name
        li.dataset.index = String(i)
        li.dataset.testid = `commune-option-${u.key}`
        li.setAttribute('role', 'option')
        li.setAttribute('aria-selected', String(i === this.active))
        return li
      })
    )
  }

  getGui(): HTMLElement {
    return this.root
  }

  afterGuiAttached(): void {
    this.input.focus()
    if (this.typed) this.input.setSelectionRange(this.input.value.length, this.input.value.length)
    else this.input.select()
  }

  /** The official name of the highlighted commune, else the text as typed (empty: no commune). */
  getValue(): string | null {
    const picked = this.active >= 0 ? this.matches[this.active] : undefined
    return picked ? picked.name : this.input.value.trim() || null
  }

  isPopup(): boolean {
    return true
  }
}
