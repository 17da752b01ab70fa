/**
 * The record's commune from the official list of the office's area (units.communes), found by
 * typing without diacritics («mai pha»). The record's commune text as written stays visible: one
 * that matches no commune of the list is said so, to be chosen here (data check «commune_unplaced»).
 */
import { useEffect, useMemo, useState } from 'react'
import type { Entity, MapUnit } from '../../../shared/api'
import { fold } from '../../../shared/text'
import { areaCommunes, matchCommunes } from './communes'

export function CommunePicker({ entity, readOnly, onPick }: { entity: Entity; readOnly: boolean; onPick(code: string): Promise<void> }) {
  const [list, setList] = useState<MapUnit[]>([])
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  useEffect(() => {
    void areaCommunes().then(setList)
  }, [])
  const placed = list.find((u) => u.key === entity.communeCode) ?? null
  const matches = useMemo(() => matchCommunes(list, text), [list, text])
  if (list.length === 0) return null
  return (
    <div className="commune-picker" data-testid="commune-picker">
      <p data-testid="commune-placed">
        {placed ? (
          <>
            Theo danh mục: <b>{placed.name}</b>
            {entity.commune && fold(entity.commune) !== fold(placed.name) ? ` (ghi trong sổ: «${entity.commune}»)` : ''}
          </>
        ) : entity.commune ? (
          <span className="warn">«{entity.commune}» không khớp xã, phường nào của địa bàn: hãy chọn trong danh sách.</span>
        ) : (
          'Chưa ghi xã, phường.'
        )}
      </p>
      {!readOnly && (
        <>
          <input
            data-testid="commune-search"
            placeholder="Chọn xã, phường: gõ tên, không dấu cũng được"
            value={text}
            onFocus={() => setOpen(true)}
            onChange={(e) => {
              setText(e.target.value)
              setOpen(true)
            }}
          />
          {open && matches.length > 0 && (
            <ul className="unit-results" role="listbox" data-testid="commune-options">
              {matches.map((u) => (
                <li key={u.key}>
                  <button
                    type="button"
                    role="option"
                    aria-selected={u.key === entity.communeCode}
                    data-testid={`commune-${u.key}`}
                    onClick={() => {
                      setOpen(false)
                      setText('')
                      void onPick(u.key)
                    }}
                  >
                    {u.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
