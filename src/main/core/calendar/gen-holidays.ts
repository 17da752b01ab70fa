// Regenerates resources/holidays/vn.json from the rules (npx tsx src/main/core/calendar/gen-holidays.ts).
import { writeFileSync } from 'node:fs'
import { ruleHolidays } from './holidays-rule'

const days = []
for (let y = 2012; y <= 2030; y++) days.push(...ruleHolidays(y))
const out = {
  version: 1,
  country: 'VN',
  from: 2012,
  to: 2030,
  note:
    'Ngày nghỉ lễ, tết theo Bộ luật Lao động (2012: Điều 115; 2019: Điều 112), ngày âm lịch tính theo thuật toán Hồ Ngọc Đức (UTC+7). ' +
    'Ngày Tết cụ thể, ngày liền kề 2/9 và ngày hoán đổi do Thủ tướng/Bộ LĐ-TB&XH công bố hằng năm: chưa đối chiếu văn bản công bố, sửa trong Cài đặt.',
  days,
  workingWeekends: [] as string[]
}
writeFileSync(new URL('../../../../resources/holidays/vn.json', import.meta.url), JSON.stringify(out, null, 1) + '\n')
console.log(days.length, 'ngày')
