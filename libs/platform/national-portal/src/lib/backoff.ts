/** Name of the custom BullMQ backoff type of sync jobs (computed by `syncBackoffDelay`). */
export const SYNC_BACKOFF_TYPE = 'sync-jitter';

/**
 * Exponential backoff with "equal jitter" and a cap: the n-th retry (n ≥ 1) waits between half and
 * all of min(cap, base · 2^(n−1)). The random half spreads the retries of a burst of failures so
 * they do not hit a recovering portal at the same instant; the fixed half keeps the growth.
 */
export function syncBackoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(attempt));
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
