import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { AppError, DOSSIER_STATUS_PORTAL_CODE } from '@dvc/shared/contracts';
import type { DossierStatus } from '@dvc/shared/contracts';
import { OUTBOX_TOPICS } from '@dvc/platform/outbox';
import { JOBS, QUEUES } from '@dvc/platform/queue';
import { SYNC_BACKOFF_TYPE } from './backoff';
import { buildDongBoHoSoRecord, DossierSyncSnapshot } from './dong-bo-ho-so';
import { NationalPortalClient, PortalRejectedError } from './portal-client';
import { SYNC_METRICS, SyncMetrics } from './sync-metrics';

/** Injection token of the process's NationalPortalClient. */
export const NATIONAL_PORTAL_CLIENT = Symbol('NATIONAL_PORTAL_CLIENT');
/** Injection token of the DataSource the sync uses (the worker gives it a pool of its own). */
export const SYNC_DATA_SOURCE = Symbol('SYNC_DATA_SOURCE');

const TOPIC = OUTBOX_TOPICS.dossierStatusChanged;

/** Options of every sync job: retried with jittered, capped exponential backoff, then dead-lettered. */
export function syncJobOptions(c: Pick<AppConfig, 'SYNC_ATTEMPTS' | 'SYNC_BACKOFF_MS'>): JobsOptions {
  return { attempts: c.SYNC_ATTEMPTS, backoff: { type: SYNC_BACKOFF_TYPE, delay: c.SYNC_BACKOFF_MS } };
}

export type SyncOutcome =
  | { kind: 'sent'; version: number; statusCode: number }
  /** Nothing to do: the portal already acknowledged this version or a newer one. */
  | { kind: 'skipped'; version: number; acked: number }
  /** Another sender holds this dossier's lease: try again shortly. */
  | { kind: 'busy' }
  | { kind: 'missing' };

export interface SyncContext {
  jobId?: string;
  /** Last attempt of the job: a failure dead-letters the dossier. */
  final?: boolean;
  /** When the outbox row that caused the job was written (lag metric). */
  eventCreatedAt?: Date;
}

export interface SyncHealth {
  outbox: { backlog: number; oldestUnpublishedSeconds: number };
  sync: {
    /** Dossiers whose latest version is not acknowledged yet. */
    pending: number;
    /** Age of the oldest status change the portal has not acknowledged. */
    lagSeconds: number;
    deadLetters: number;
    /** Dossiers whose last send failed and will be retried. */
    retrying: number;
    /** Failed sends counted on those dossiers. */
    retries: number;
    /** Dossiers whose latest version is acknowledged ÷ dossiers with a status change (766 indicator 1.4 basis). */
    syncedRatio: number;
  };
  queue: Record<string, number>;
}

export interface DeadLetter {
  dossierId: string;
  code: string;
  status: DossierStatus;
  statusCode: number;
  version: number;
  versionAcked: number;
  attempts: number;
  lastError: string | null;
  deadLetteredAt: string;
}

/** UPDATE … RETURNING through TypeORM's postgres driver answers [rows, count]. */
function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) && Array.isArray(res[0]) ? res[0] : res) as T[];
}

/** A dossier's current state and sync version ($1 dossier id, $5 topic): one statement, one snapshot. */
const SNAPSHOT_SQL = `
  SELECT d.id, d.code, d.status, d.channel,
         p.code AS "procedureCode", pv.name AS "procedureName", p.field_code AS "fieldCode", pf.name AS "fieldName",
         a.code AS "agencyCode", a.name AS "agencyName",
         d.applicant_name AS "applicantName", d.applicant_identity_number AS "applicantIdentityNumber",
         d.applicant_phone AS "applicantPhone", d.applicant_email AS "applicantEmail",
         d.submitted_at AS "submittedAt", d.received_at AS "receivedAt", d.due_at AS "dueAt",
         ev.finished_at AS "finishedAt", ev.returned_at AS "returnedAt", ev.refused_at AS "refusedAt",
         o.version, COALESCE(o.event_at, d.updated_at) AS "eventAt"
    FROM dossier d
    JOIN procedure p ON p.id = d.procedure_id
    JOIN procedure_version pv ON pv.id = d.procedure_version_id
    JOIN procedure_field pf ON pf.code = p.field_code
    JOIN agency_unit a ON a.id = d.receiving_agency_id
    CROSS JOIN LATERAL (SELECT count(*)::int AS version, max(created_at) AS event_at
                          FROM outbox_message WHERE aggregate_id = d.id AND topic = $5) o
    CROSS JOIN LATERAL (SELECT max(at) FILTER (WHERE to_status IN ('result_ready', 'refused', 'stopped', 'withdrawn')) AS finished_at,
                               max(at) FILTER (WHERE to_status = 'returned') AS returned_at,
                               max(at) FILTER (WHERE to_status = 'refused') AS refused_at
                          FROM dossier_event WHERE dossier_id = d.id) ev
   WHERE d.id = $1`;

/**
 * Commits the statement's implicit transaction without waiting for the WAL flush. Only for the
 * lease and the acknowledgement: if PostgreSQL crashes and loses them, the lease is simply free and
 * the version is sent again, which the portal drops as a duplicate. Failures and dead letters are
 * written with the normal, durable commit.
 */
const ASYNC_COMMIT = `set_config('synchronous_commit', 'off', true)`;

const releaseLease = (param: string) =>
  `lease_owner = CASE WHEN lease_owner = ${param} THEN NULL ELSE lease_owner END,
   lease_until = CASE WHEN lease_owner = ${param} THEN NULL ELSE lease_until END`;

/**
 * Pushes dossiers' current state to the national portal, in order per dossier.
 *
 * A job names a dossier only. Under a per-dossier lease (a row lock would hold a connection for the
 * whole HTTP call) it reads the dossier's current state and version in one statement, skips when
 * the portal already acknowledged that version, sends it otherwise, and records the outcome. Sends
 * of one dossier are therefore serialised and carry non-decreasing versions; a re-delivered job
 * finds its version acknowledged and changes nothing.
 */
@Injectable()
export class DossierSyncService {
  private readonly logger = new Logger(DossierSyncService.name);

  constructor(
    @Inject(SYNC_DATA_SOURCE) private readonly db: DataSource,
    @Inject(NATIONAL_PORTAL_CLIENT) private readonly portal: NationalPortalClient,
    @InjectQueue(QUEUES.sync) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SYNC_METRICS) private readonly metrics: SyncMetrics,
  ) {}

  /** Long enough for a login and a call, each retried once, to finish before another sender may start. */
  get leaseMs(): number {
    return 4 * this.config.NATIONAL_PORTAL_TIMEOUT_MS + 5000;
  }

  async sync(dossierId: string, ctx: SyncContext = {}): Promise<SyncOutcome> {
    // One statement: the dossier's version; unless the portal already acknowledged it, the lease
    // (one sender per dossier) and the current state. The state is read in the statement's snapshot,
    // taken after the previous holder released the lease (else the upsert finds it held and returns
    // nothing), so the state sent is at least as new as any state sent before it.
    const owner = randomUUID();
    const [row] = await this.prepared(
      'dvc_sync_lease',
      `WITH cfg AS (SELECT ${ASYNC_COMMIT} AS c),
       pre AS (
         SELECT (SELECT count(*)::int FROM outbox_message WHERE aggregate_id = $1 AND topic = $5) AS version,
                s.version_acked AS acked, s.acked_at, EXISTS (SELECT 1 FROM dossier WHERE id = $1) AS exists
           FROM cfg LEFT JOIN dossier_sync_state s ON s.dossier_id = $1
       ),
       lease AS (
         INSERT INTO dossier_sync_state AS s (dossier_id, lease_owner, lease_until, last_job_id, updated_at)
         SELECT $1, $2, now() + make_interval(secs => $3::double precision / 1000), $4, now()
           FROM pre WHERE pre.exists AND pre.version > COALESCE(pre.acked, 0)
         ON CONFLICT (dossier_id) DO UPDATE
            SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until,
                last_job_id = COALESCE(EXCLUDED.last_job_id, s.last_job_id), updated_at = now()
          WHERE s.lease_until IS NULL OR s.lease_until < now()
         RETURNING s.version_acked
       )
       SELECT pre.version AS "preVersion", COALESCE(pre.acked, 0) AS "preAcked", pre.acked_at AS "preAckedAt", pre.exists AS "preExists",
              (SELECT version_acked FROM lease) AS "leaseAcked", snap.*
         FROM pre LEFT JOIN (${SNAPSHOT_SQL}) snap ON EXISTS (SELECT 1 FROM lease)`,
      [dossierId, owner, this.leaseMs, ctx.jobId ?? null, TOPIC],
    );
    if (!row.preExists) return { kind: 'missing' };
    if (row.preVersion <= row.preAcked) return this.skipped(row.preVersion, row.preAcked, row.preAckedAt, ctx);
    if (row.leaseAcked === null) return { kind: 'busy' };
    const acked: number = row.leaseAcked;
    const snapshot: DossierSyncSnapshot | undefined = row.id ? row : undefined;
    if (!snapshot || snapshot.version <= acked) {
      await this.release(dossierId, owner);
      return snapshot ? this.skipped(snapshot.version, acked, null, ctx) : { kind: 'missing' };
    }

    const record = buildDongBoHoSoRecord(snapshot);
    try {
      await this.portal.syncDossiers(snapshot.agencyCode, [record], acked > 0);
    } catch (e) {
      const permanent = e instanceof PortalRejectedError;
      const dead = permanent || !!ctx.final;
      await this.prepared(
        'dvc_sync_failed',
        `UPDATE dossier_sync_state
            SET attempts = attempts + 1, last_error = left($2, 2000), version_sent = GREATEST(version_sent, $3),
                sent_at = now(), dead_lettered_at = CASE WHEN $4::boolean THEN now() ELSE dead_lettered_at END,
                updated_at = now(), ${releaseLease('$5')}
          WHERE dossier_id = $1`,
        [dossierId, (e as Error).message, snapshot.version, dead, owner],
      );
      this.metrics.sends.inc({ outcome: 'failed' });
      if (dead) {
        this.metrics.deadLetters.inc();
        this.logger.warn({ dossierId, version: snapshot.version, err: (e as Error).message }, 'portal sync dead-lettered');
      } else {
        this.metrics.retries.inc();
      }
      throw e;
    }
    await this.prepared(
      'dvc_sync_acked',
      `UPDATE dossier_sync_state
          SET last_status_code = CASE WHEN $2 >= version_acked THEN $3 ELSE last_status_code END,
              version_acked = GREATEST(version_acked, $2), version_sent = GREATEST(version_sent, $2),
              last_error = NULL, attempts = 0, dead_lettered_at = NULL, sent_at = now(), acked_at = now(),
              updated_at = now(), ${releaseLease('$4')}
         FROM (SELECT ${ASYNC_COMMIT}) cfg
        WHERE dossier_id = $1`,
      [dossierId, snapshot.version, record.TrangThaiHoSo, owner],
    );
    this.metrics.sends.inc({ outcome: 'sent' });
    if (ctx.eventCreatedAt) this.metrics.lag.observe(Math.max(0, Date.now() - ctx.eventCreatedAt.getTime()) / 1000);
    return { kind: 'sent', version: snapshot.version, statusCode: record.TrangThaiHoSo };
  }

  private skipped(version: number, acked: number, ackedAt: Date | null, ctx: SyncContext): SyncOutcome {
    this.metrics.sends.inc({ outcome: 'skipped' });
    if (ctx.eventCreatedAt) {
      // Covered by an acknowledgement of this version or a newer one: its lag ended then.
      const end = ackedAt && ackedAt.getTime() >= ctx.eventCreatedAt.getTime() ? ackedAt.getTime() : Date.now();
      this.metrics.lag.observe((end - ctx.eventCreatedAt.getTime()) / 1000);
    }
    return { kind: 'skipped', version, acked };
  }

  private async release(dossierId: string, owner: string): Promise<void> {
    await this.prepared('dvc_sync_release', `UPDATE dossier_sync_state SET ${releaseLease('$2')} FROM (SELECT ${ASYNC_COMMIT}) cfg WHERE dossier_id = $1`, [dossierId, owner]);
  }

  /**
   * The hot path's statements, prepared once per connection: planning the lease statement costs
   * ten times its execution. Straight on the pg pool under TypeORM's postgres driver (TypeORM's
   * `query` sends unnamed statements, planned on every call).
   */
  private async prepared(name: string, text: string, values: unknown[]): Promise<any[]> {
    const pool = (this.db.driver as unknown as { master?: { query?: (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: any[] }> } }).master;
    if (typeof pool?.query === 'function') return (await pool.query({ name, text, values })).rows;
    return rowsOf(await this.db.query(text, values));
  }

  /** The dossier's current state and sync version, read in one statement (one snapshot). */
  async snapshot(dossierId: string): Promise<DossierSyncSnapshot | undefined> {
    const [row] = await this.db.query(`${SNAPSHOT_SQL}`.replace('$5', '$2'), [dossierId, TOPIC]);
    return row;
  }

  async health(): Promise<SyncHealth> {
    const [[outbox], [sync], counts] = await Promise.all([
      this.db.query(
        `SELECT count(*)::int AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
           FROM outbox_message WHERE published_at IS NULL`,
      ),
      this.db.query(
        `WITH o AS (
           SELECT aggregate_id, created_at, row_number() OVER (PARTITION BY aggregate_id ORDER BY id) AS n,
                  count(*) OVER (PARTITION BY aggregate_id) AS version
             FROM outbox_message WHERE topic = $1
         ), per AS (
           SELECT o.aggregate_id, max(o.version) AS version, COALESCE(max(s.version_acked), 0) AS acked,
                  min(o.created_at) FILTER (WHERE o.n > COALESCE(s.version_acked, 0)) AS oldest_unacked
             FROM o LEFT JOIN dossier_sync_state s ON s.dossier_id = o.aggregate_id
            GROUP BY o.aggregate_id
         )
         SELECT count(*) FILTER (WHERE version > acked)::int AS pending,
                count(*)::int AS total,
                count(*) FILTER (WHERE version <= acked)::int AS synced,
                COALESCE(EXTRACT(EPOCH FROM now() - min(oldest_unacked)), 0)::float AS lag,
                (SELECT count(*)::int FROM dossier_sync_state WHERE dead_lettered_at IS NOT NULL) AS dead,
                (SELECT count(*)::int FROM dossier_sync_state WHERE attempts > 0 AND dead_lettered_at IS NULL) AS retrying,
                (SELECT COALESCE(sum(attempts), 0)::int FROM dossier_sync_state WHERE dead_lettered_at IS NULL) AS retries
           FROM per`,
        [TOPIC],
      ),
      this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
    ]);
    return {
      outbox: { backlog: outbox.backlog, oldestUnpublishedSeconds: Math.round(outbox.oldest * 10) / 10 },
      sync: {
        pending: sync.pending,
        lagSeconds: Math.round(sync.lag * 10) / 10,
        deadLetters: sync.dead,
        retrying: sync.retrying,
        retries: sync.retries,
        syncedRatio: sync.total ? Math.round((sync.synced / sync.total) * 10000) / 10000 : 1,
      },
      queue: counts,
    };
  }

  async deadLetters(limit = 50, offset = 0): Promise<{ items: DeadLetter[]; total: number }> {
    const rows = await this.db.query(
      `SELECT s.dossier_id AS "dossierId", d.code, d.status, s.version_acked AS "versionAcked", s.attempts,
              s.last_error AS "lastError", s.dead_lettered_at AS "deadLetteredAt",
              (SELECT count(*)::int FROM outbox_message WHERE aggregate_id = s.dossier_id AND topic = $3) AS version,
              count(*) OVER ()::int AS total
         FROM dossier_sync_state s JOIN dossier d ON d.id = s.dossier_id
        WHERE s.dead_lettered_at IS NOT NULL
        ORDER BY s.dead_lettered_at DESC, s.dossier_id
        LIMIT $1 OFFSET $2`,
      [limit, offset, TOPIC],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r: any) => ({
        dossierId: r.dossierId,
        code: r.code,
        status: r.status,
        statusCode: DOSSIER_STATUS_PORTAL_CODE[r.status as DossierStatus],
        version: r.version,
        versionAcked: r.versionAcked,
        attempts: r.attempts,
        lastError: r.lastError,
        deadLetteredAt: new Date(r.deadLetteredAt).toISOString(),
      })),
    };
  }

  /** Clears the dead letter and sends again: the failed job is retried from scratch, or a new one is added. */
  async replay(dossierId: string): Promise<{ dossierId: string; jobId: string }> {
    const rows = rowsOf<{ last_job_id: string | null }>(
      await this.db.query(
        `UPDATE dossier_sync_state SET dead_lettered_at = NULL, attempts = 0, updated_at = now()
          WHERE dossier_id = $1 AND dead_lettered_at IS NOT NULL RETURNING last_job_id`,
        [dossierId],
      ),
    );
    if (!rows.length) throw new AppError('NOT_FOUND', 'Hồ sơ này không nằm trong danh sách đồng bộ lỗi');
    const last = rows[0].last_job_id ? await this.queue.getJob(rows[0].last_job_id) : undefined;
    if (last && (await last.isFailed())) {
      await last.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return { dossierId, jobId: last.id! };
    }
    const job = await this.queue.add(JOBS.dossierStatusSync, { dossierId }, { ...syncJobOptions(this.config), jobId: `replay-${dossierId}-${Date.now()}` });
    return { dossierId, jobId: job.id! };
  }

  /**
   * Finds what the portal does not have and sends it again: (1) dossiers whose latest version is
   * unacknowledged although nothing happened for `graceMs` (a job lost with Redis, a crash between
   * the portal's answer and our bookkeeping); (2) a batch of acknowledged dossiers compared with
   * TraCuuHoSo, least recently verified first (the portal lost or changed what it acknowledged).
   * Dead letters are left to the admin's replay.
   */
  async reconcile(opts: { graceMs?: number; verifyBatch?: number } = {}): Promise<{ requeued: number; verified: number; mismatched: number }> {
    const graceMs = opts.graceMs ?? this.config.SYNC_RECONCILE_GRACE_MS;
    const verifyBatch = opts.verifyBatch ?? 50;
    const stale: { dossier_id: string; version: number }[] = await this.db.query(
      `SELECT v.aggregate_id AS dossier_id, v.version
         FROM (SELECT aggregate_id, count(*)::int AS version, max(created_at) AS last_at,
                      bool_and(published_at IS NOT NULL) AS published
                 FROM outbox_message WHERE topic = $1 GROUP BY aggregate_id) v
         JOIN dossier d ON d.id = v.aggregate_id
         LEFT JOIN dossier_sync_state s ON s.dossier_id = v.aggregate_id
        WHERE v.version > COALESCE(s.version_acked, 0) AND v.published
          AND v.last_at < now() - make_interval(secs => $2::double precision / 1000)
          AND s.dead_lettered_at IS NULL
          AND (s.updated_at IS NULL OR s.updated_at < now() - make_interval(secs => $2::double precision / 1000))
          AND (s.lease_until IS NULL OR s.lease_until < now())
        LIMIT 1000`,
      [TOPIC, graceMs],
    );
    const requeue = new Map<string, number>(stale.map((r) => [r.dossier_id, r.version]));

    let verified = 0;
    let mismatched = 0;
    const check: { dossier_id: string; code: string; agency_code: string; version_acked: number; last_status_code: number | null }[] = await this.db.query(
      `SELECT s.dossier_id, d.code, a.code AS agency_code, s.version_acked, s.last_status_code
         FROM dossier_sync_state s JOIN dossier d ON d.id = s.dossier_id JOIN agency_unit a ON a.id = d.receiving_agency_id
        WHERE s.version_acked > 0 AND s.dead_lettered_at IS NULL
          AND s.acked_at < now() - make_interval(secs => $2::double precision / 1000)
        ORDER BY s.verified_at NULLS FIRST, s.dossier_id
        LIMIT $1`,
      [verifyBatch, graceMs],
    );
    for (const c of check) {
      let held: Awaited<ReturnType<NationalPortalClient['lookup']>>;
      try {
        held = await this.portal.lookup(c.agency_code, c.code);
      } catch (e) {
        this.logger.warn({ err: (e as Error).message }, 'TraCuuHoSo failed; verification resumes at the next run');
        break;
      }
      verified++;
      const heldVersion = Number(held?.PhienBan ?? 0);
      // A portal ahead of our bookkeeping (an acknowledgement we never received, a send racing this
      // check) is not a difference; without PhienBan (the real portal) only the status can be compared.
      const same =
        !!held &&
        (held.PhienBan === undefined
          ? Number(held.TrangThaiHoSo) === c.last_status_code
          : heldVersion > c.version_acked || (heldVersion === c.version_acked && Number(held.TrangThaiHoSo) === c.last_status_code));
      if (same) {
        await this.db.query(`UPDATE dossier_sync_state SET verified_at = now() WHERE dossier_id = $1`, [c.dossier_id]);
        continue;
      }
      mismatched++;
      // Believe the portal: what it does not hold is not acknowledged. Guarded by the value we read.
      const portalVersion = held?.PhienBan !== undefined ? Math.min(heldVersion, c.version_acked - 1) : 0;
      await this.db.query(
        `UPDATE dossier_sync_state SET version_acked = $3, verified_at = now(), updated_at = now()
          WHERE dossier_id = $1 AND version_acked = $2`,
        [c.dossier_id, c.version_acked, Math.max(0, portalVersion)],
      );
      requeue.set(c.dossier_id, c.version_acked);
    }

    if (requeue.size) {
      const run = Date.now();
      await this.queue.addBulk(
        [...requeue].map(([dossierId, version]) => ({
          name: JOBS.dossierStatusSync,
          data: { dossierId },
          opts: { ...syncJobOptions(this.config), jobId: `reconcile-${dossierId}-${version}-${run}` },
        })),
      );
      this.logger.log({ requeued: requeue.size, mismatched }, 'sync reconciliation re-enqueued dossiers');
    }
    return { requeued: requeue.size, verified, mismatched };
  }
}
