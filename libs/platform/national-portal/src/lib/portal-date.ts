/** Vietnam has kept UTC+7 without daylight saving since 1975: a fixed offset is exact. */
const VN_OFFSET_MS = 7 * 3600_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, the national portal's date format; '' for no date. */
export function portalDate(d: Date | string | null | undefined): string {
  if (d === null || d === undefined || d === '') return '';
  const t = new Date(new Date(d).getTime() + VN_OFFSET_MS);
  if (Number.isNaN(t.getTime())) throw new RangeError(`not a date: ${String(d)}`);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
}

/** Parses `yyyyMMddHHmmss` (Vietnam time); null when the text is not a real date in that format. */
export function parsePortalDate(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(t);
  // Date.UTC rolls 31/02 over to March: a round trip catches impossible dates.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
  return new Date(t - VN_OFFSET_MS);
}
