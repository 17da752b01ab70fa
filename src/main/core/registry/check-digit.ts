/** Mã số HTX = 10-digit tax code: 9 digits, then a check digit (DOMAIN.md). */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3]

/** The check digit for the first 9 digits, or null when the result (10) is never issued. */
export function checkDigit(first9: string): number | null {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * WEIGHTS[i]!
  const check = 10 - (sum % 11)
  return check === 10 ? null : check
}

/** A Vietnamese warning for a number that does not look like a current tax code, else null. */
export function regNoWarning(regNo: string | null | undefined): string | null {
  if (!regNo) return null
  if (!/^\d{10}$/.test(regNo)) {
    return `Mã số ${regNo} không phải mã số thuế 10 chữ số (có thể là mã số theo mẫu cũ): đã lưu, hãy kiểm tra lại.`
  }
  const expected = checkDigit(regNo.slice(0, 9))
  if (expected === null)
    return `Mã số ${regNo} không hợp lệ: 9 chữ số đầu cho số kiểm tra 10, loại mã này không được cấp. Đã lưu, hãy kiểm tra lại.`
  if (expected !== Number(regNo[9])) {
    return `Mã số ${regNo} sai chữ số kiểm tra (đúng ra là ${expected}): đã lưu, hãy kiểm tra lại.`
  }
  return null
}
