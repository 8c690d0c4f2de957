/** Vietnam has kept UTC+7 all year since 1975: no daylight saving, so a fixed offset is exact. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

export interface VietnamTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function vietnamTimeParts(at: Date): VietnamTimeParts {
  const t = new Date(at.getTime() + VN_OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "ngày 09 tháng 06 năm 2026", as administrative documents write dates (NĐ 30/2020/NĐ-CP). */
export function vnDate(at: Date): string {
  const p = vietnamTimeParts(at);
  return `ngày ${two(p.day)} tháng ${two(p.month)} năm ${p.year}`;
}

/** "08 giờ 30 phút, ngày 09 tháng 06 năm 2026" (Vietnam time). */
export function vnDateTime(at: Date): string {
  const p = vietnamTimeParts(at);
  return `${two(p.hour)} giờ ${two(p.minute)} phút, ${vnDate(at)}`;
}

/** "08:30 09/06/2026" (Vietnam time), for table cells. */
export function vnShortDateTime(at: Date): string {
  const p = vietnamTimeParts(at);
  return `${two(p.hour)}:${two(p.minute)} ${two(p.day)}/${two(p.month)}/${p.year}`;
}
