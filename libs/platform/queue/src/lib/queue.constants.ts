/** Queue names. Jobs carry ids only; processors are registered in apps/worker. */
export const QUEUES = {
  maintenance: 'maintenance',
  /** Status sync with the national portal (DongBoHoSoMC), fed by the outbox relay. */
  sync: 'sync',
  /** Deadline watch of the one-stop desk (due soon, overdue, Mẫu 04 drafts). */
  sla: 'sla',
  /** Daily refresh of the procedure catalog from the national portal's catalog feed. */
  catalog: 'catalog',
} as const;

export const JOBS = {
  refreshTokensPurge: 'identity.refresh-tokens.purge',
  attachmentsUnusedPurge: 'attachments.unused.purge',
  dossierStatusSync: 'dossier.status.sync',
  syncReconcile: 'dossier.sync.reconcile',
  slaScan: 'desk.sla.scan',
  catalogFeedRefresh: 'catalog.feed.refresh',
} as const;

/** Injection token of the shared ioredis client (health checks, rate limits). */
export const REDIS = Symbol('REDIS');

/** Defaults of every job: retried with exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: false,
} as const;
