/** Vietnam has used UTC+7 without daylight saving since 1975. */
const VN_OFFSET_MS = 7 * 3600 * 1000;
const p2 = (n: number): string => String(n).padStart(2, '0');

function vnParts(d: Date) {
  const t = new Date(d.getTime() + VN_OFFSET_MS);
  return { y: t.getUTCFullYear(), mo: p2(t.getUTCMonth() + 1), d: p2(t.getUTCDate()), h: p2(t.getUTCHours()), mi: p2(t.getUTCMinutes()), s: p2(t.getUTCSeconds()) };
}

/** "dd/MM/yyyy HH:mm (GMT+7)" in Vietnam time. */
export function formatVnDateTime(d: Date): string {
  const p = vnParts(d);
  return `${p.d}/${p.mo}/${p.y} ${p.h}:${p.mi} (GMT+7)`;
}

/** PDF date string in Vietnam time: D:YYYYMMDDHHmmSS+07'00'. */
export function pdfDate(d: Date): string {
  const p = vnParts(d);
  return `D:${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}+07'00'`;
}

/** Parses a PDF date string (D:YYYYMMDDHHmmSSOHH'mm'); undefined when malformed. */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(s.trim());
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  const offset = sign * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0)) * 60_000;
  return new Date(utc - offset);
}
