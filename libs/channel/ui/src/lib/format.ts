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

/** dd/MM/yyyy, the Vietnamese administrative date format. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** HH:mm dd/MM/yyyy. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${formatDate(iso)}`;
}
