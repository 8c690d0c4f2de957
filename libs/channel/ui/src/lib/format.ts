/** "50.000 đ" for 50000, "Miễn phí" for 0 (amounts are whole đồng). */
export function formatVnd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  if (amount === 0) return 'Miễn phí';
  const digits = Math.round(Math.abs(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đ`;
}

/** Legal time limit in working days: 0 is "Trong ngày làm việc". */
export function formatTimeLimit(days: number | null | undefined): string {
  if (days === null || days === undefined) return '';
  return days === 0 ? 'Trong ngày làm việc' : `${days} ngày làm việc`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Administrative times are Vietnam time (UTC+7, no daylight saving), as on the receipt PDF, whatever
 * the device's time zone: a dossier received 07:30 shows 07:30 also on a laptop set to UTC.
 */
const VN_OFFSET_MS = 7 * 3600_000;

function vietnamTime(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + VN_OFFSET_MS);
}

/** dd/MM/yyyy, the Vietnamese administrative date format (Vietnam time). */
export function formatDate(iso: string | null | undefined): string {
  const d = iso ? vietnamTime(iso) : null;
  if (!d) return '';
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** HH:mm dd/MM/yyyy (Vietnam time). */
export function formatDateTime(iso: string | null | undefined): string {
  const d = iso ? vietnamTime(iso) : null;
  if (!d) return '';
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${formatDate(iso)}`;
}

/** "1,5 MB", "320 KB", "900 byte" (Vietnamese decimal comma). */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return '';
  if (bytes < 1024) return `${bytes} byte`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  return `${(Math.round((kb / 1024) * 10) / 10).toString().replace('.', ',')} MB`;
}
