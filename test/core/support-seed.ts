/**
 * The support register that reproduces the seed plan's figures (Lạng Sơn, plan for 2024,
 * Part 1 II.3 and Part 3 II.6): results of the first half of 2023, the year's plan, and
 * the needs for 2024. How the needs split by programme is not in the seed (only its
 * totals by source are, in Phụ lục 3–4 we do not have): the split below is ours and adds
 * up to the seed's totals.
 */
import type { SupportInput } from '../../src/shared/contract/support'

export const SEED_2023: SupportInput[] = [
  // (1) thành lập mới: 23 HTX, 446 triệu in six months; 45 HTX, 900 triệu planned for the year.
  { year: 2023, stage: 'done', programme: 'thanh_lap', coops: 23, nsdpSn: 446, decisionNo: '125/QĐ-UBND', decisionDate: '2023-03-15' },
  { year: 2023, stage: 'plan', programme: 'thanh_lap', coops: 45, nsdpSn: 900 },
  // (2) bồi dưỡng: 200 người, 228 triệu; 460 người, 526 triệu planned.
  { year: 2023, stage: 'done', programme: 'nang_luc', people: 120, nsdpSn: 140, decisionDate: '2023-04-10' },
  { year: 2023, stage: 'done', programme: 'nang_luc', people: 80, nstwSn: 88, decisionDate: '2023-06-20' },
  { year: 2023, stage: 'plan', programme: 'nang_luc', people: 460, nsdpSn: 526 },
  // (3) xúc tiến thương mại: 60 HTX, 1.508 triệu; 70 HTX, 1.750 triệu planned.
  { year: 2023, stage: 'done', programme: 'xuc_tien', coops: 60, nstwSn: 1008, nsdpSn: 500, decisionDate: '2023-05-02' },
  { year: 2023, stage: 'plan', programme: 'xuc_tien', coops: 70, nstwSn: 1000, nsdpSn: 750 },
  // (5.1) lao động trẻ: 29 trí thức trẻ tại 27 HTX, 1.170 triệu; 30 người planned.
  { year: 2023, stage: 'done', programme: 'lao_dong_tre', coops: 27, people: 29, nstwSn: 1170, note: 'Lũy kế từ khi thực hiện' },
  { year: 2023, stage: 'plan', programme: 'lao_dong_tre', coops: 28, people: 30, nstwSn: 1210 },
  // (5.2) chuỗi liên kết: 6 HTX, 1.520 triệu planned; (5.3) sản xuất: 1 HTX, 264 triệu; (5.4) lãi suất: 2 HTX, 731 triệu.
  { year: 2023, stage: 'plan', programme: 'chuoi_gia_tri', coops: 6, nsdpSn: 1520 },
  { year: 2023, stage: 'done', programme: 'san_xuat', coops: 1, nsdpSn: 264, decisionDate: '2023-02-01' },
  { year: 2023, stage: 'done', programme: 'lai_suat', coops: 2, nsdpSn: 731, decisionDate: '2023-01-20' },
  // Done after 30/06/2023: not in the six-month results.
  { year: 2023, stage: 'done', programme: 'thanh_lap', coops: 5, nsdpSn: 100, decisionDate: '2023-08-01' }
]

/** 2024 needs: 23.720 triệu — ĐTPT 10.000, SN 13.720; NSTW 11.120 (6.000 + 5.120), NSĐP 12.600 (4.000 + 8.600). */
export const SEED_2024: SupportInput[] = [
  { year: 2024, stage: 'plan', programme: 'ha_tang', coops: 4, nstwDtpt: 6000, nsdpDtpt: 4000 },
  { year: 2024, stage: 'plan', programme: 'thanh_lap', coops: 50, nstwSn: 1000, nsdpSn: 1000 },
  { year: 2024, stage: 'plan', programme: 'nang_luc', people: 500, nstwSn: 620, nsdpSn: 500 },
  { year: 2024, stage: 'plan', programme: 'xuc_tien', coops: 70, nstwSn: 1500, nsdpSn: 2000 },
  { year: 2024, stage: 'plan', programme: 'lao_dong_tre', coops: 30, people: 32, nstwSn: 1200, nsdpSn: 1100 },
  { year: 2024, stage: 'plan', programme: 'chuoi_gia_tri', coops: 8, nstwSn: 800, nsdpSn: 4000 }
]
