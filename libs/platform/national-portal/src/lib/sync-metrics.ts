import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface SyncMetrics {
  outboxBacklog: Gauge;
  lag: Histogram;
  sends: Counter<'outcome'>;
  retries: Counter;
  deadLetters: Counter;
  /** Where the backlog gauge reads from on each scrape (the latest app instance of the process). */
  setBacklogSource(fn: () => Promise<number>): void;
}

/** Injection token of the SyncMetrics of the process. */
export const SYNC_METRICS = Symbol('SYNC_METRICS');

const cache = new WeakMap<Registry, SyncMetrics>();

/**
 * Prometheus metrics of the outbox and the portal sync, registered once per registry (tests start
 * several apps in one process). Pass `metricsRegistry` of @dvc/platform/observability.
 */
export function syncMetrics(registry: Registry): SyncMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  let backlogSource: (() => Promise<number>) | null = null;
  const metrics: SyncMetrics = {
    outboxBacklog: new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows committed but not yet published to the queue',
      registers: [registry],
      async collect() {
        if (backlogSource) this.set(await backlogSource().catch(() => Number.NaN));
      },
    }),
    lag: new Histogram({
      name: 'national_portal_sync_lag_seconds',
      help: 'Status change committed → the portal acknowledged that version (or a newer one)',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800],
      registers: [registry],
    }),
    sends: new Counter({
      name: 'national_portal_sync_sends_total',
      help: 'Sync jobs by outcome: sent, skipped (a newer version was already acknowledged), failed',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    retries: new Counter({ name: 'national_portal_sync_retries_total', help: 'Failed sends that will be retried', registers: [registry] }),
    deadLetters: new Counter({ name: 'national_portal_sync_dead_letters_total', help: 'Dossiers whose sync was dead-lettered', registers: [registry] }),
    setBacklogSource(fn) {
      backlogSource = fn;
    },
  };
  cache.set(registry, metrics);
  return metrics;
}
