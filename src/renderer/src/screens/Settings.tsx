import type { OfficeInfo } from '../../../shared/api'
import { placeLine } from '../../../shared/contract/office'
import { formatNumber } from '../../../shared/text'
import { BodySection } from '../settings/BodySection'
import { BackupSection } from '../settings/BackupSection'
import { HolidaysSection } from '../settings/HolidaysSection'
import { KeysSection } from '../settings/KeysSection'
import { ProfilesSection } from '../settings/ProfilesSection'

export function Settings({ office }: { office: OfficeInfo }) {
  const rows: Array<[string, string]> = [
    ['Cơ quan', office.officeName ?? ''],
    ['Đơn vị hành chính', office.place ? placeLine(office.place) : ''],
    ['Vai trò của sổ', office.role ?? ''],
    ['Tệp dữ liệu', office.dbPath],
    ['Phiên bản cấu trúc', String(office.schemaVersion)],
    ['Người dùng', office.user],
    ['Số bản ghi trong sổ', formatNumber(office.counts.entities)],
    ['Số dòng nhật ký thay đổi', formatNumber(office.counts.auditRows)]
  ]
  return (
    <section className="page">
      <h1>Cài đặt</h1>
      <table className="facts">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {office.unit?.level === 'commune' && <BodySection office={office} />}
      <ProfilesSection />
      <BackupSection />
      <HolidaysSection />
      <KeysSection />
    </section>
  )
}
