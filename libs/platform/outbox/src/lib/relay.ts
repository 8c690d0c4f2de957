import type { JobsOptions, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

/** Where the relay publishes the rows of a topic. */
export interface OutboxRoute {
  queue: string;
  job: string;
  opts?: JobsOptions;
}

export interface OutboxRelayOptions {
  /** Topic → queue and job. Rows of other topics stay unpublished (and visible in the backlog). */
  routes: Record<string, OutboxRoute>;
  /** The BullMQ queue of a name (the app's registered queues). */
  queue: (name: string) => Queue;
  batchSize?: number;
  intervalMs?: number;
  /** A Redis that does not answer must not hold the rows' locks for long: the batch rolls back. */
  addTimeoutMs?: number;
  onError?: (e: unknown) => void;
  onPublished?: (count: number) => void;
}

interface Row {
  id: string;
  topic: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * The outbox relay: claims committed, unpublished rows (`FOR UPDATE SKIP LOCKED`, so replicas take
 * disjoint batches), adds one BullMQ job per row with job id `outbox-<id>`, and marks the rows
 * published in the same transaction, after the jobs were added. A crash between the add and the
 * commit publishes the rows again; the job id makes that a no-op while the job is kept, and the
 * processors are idempotent for when it is not.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly addTimeoutMs: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;

  constructor(
    private readonly db: DataSource,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.intervalMs = options.intervalMs ?? 200;
    this.addTimeoutMs = options.addTimeoutMs ?? 5000;
  }

  /** Publishes at most one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const topics = Object.keys(this.options.routes);
    return this.db.transaction(async (tx) => {
      const rows: Row[] = await tx.query(
        `SELECT id, topic, aggregate_id, payload, created_at FROM outbox_message
          WHERE published_at IS NULL AND topic = ANY($1)
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [topics, this.batchSize],
      );
      if (!rows.length) return 0;
      const byQueue = new Map<string, Parameters<Queue['addBulk']>[0]>();
      for (const r of rows) {
        const route = this.options.routes[r.topic];
        const jobs = byQueue.get(route.queue) ?? [];
        jobs.push({
          name: route.job,
          data: { ...r.payload, outboxId: r.id, createdAt: new Date(r.created_at).toISOString() },
          opts: { ...route.opts, jobId: `outbox-${r.id}` },
        });
        byQueue.set(route.queue, jobs);
      }
      await this.withTimeout(Promise.all([...byQueue].map(([q, jobs]) => this.options.queue(q).addBulk(jobs))));
      await tx.query(`UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /** Runs now, then every `intervalMs`; without pause while batches come full; backs off on errors. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        this.failures = 0;
        if (published) this.options.onPublished?.(published);
      } catch (e) {
        this.failures++;
        this.options.onError?.(e);
      }
      if (published >= this.batchSize && this.running) continue;
      const delay = this.failures ? Math.min(5000, this.intervalMs * 2 ** Math.min(this.failures, 5)) : this.intervalMs;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private withTimeout<T>(p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`queue add timed out after ${this.addTimeoutMs} ms`)), this.addTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }
}
