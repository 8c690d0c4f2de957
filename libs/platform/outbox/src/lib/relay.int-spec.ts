import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import { dataSourceOptions } from '@dvc/shared/database';
import { createTestDatabase, testRedisPrefix, TestDatabase } from '@dvc/shared/testing';
import { redisOptions } from '@dvc/platform/queue';
import { OutboxRelay } from './relay';

/** The relay on real PostgreSQL and Redis: two replicas, failures between add and commit. */
describe('outbox relay (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let queue: Queue;
  const routes = { 'dossier.status.changed': { queue: 'relay-test', job: 'dossier.status.sync' } };

  const insertRows = (n: number, topic = 'dossier.status.changed') =>
    ds.query(
      `INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload)
       SELECT $1, 'dossier', gen_random_uuid(), jsonb_build_object('dossierId', gen_random_uuid()) FROM generate_series(1, $2)`,
      [topic, n],
    );
  const unpublished = async () => (await ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`))[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions({ url: db.url, entities: [], poolSize: 10 }));
    await ds.initialize();
    const c = loadConfig();
    queue = new Queue('relay-test', { connection: redisOptions(c.REDIS_URL), prefix: testRedisPrefix() });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await ds.destroy();
    await db.drop();
  });
  beforeEach(async () => {
    await queue.obliterate({ force: true });
    await ds.query(`DELETE FROM outbox_message`);
  });

  it('two relays publish every row exactly once, including rows committed while they run', async () => {
    const seen: string[][] = [[], []];
    const relays = [0, 1].map(
      (i) =>
        new OutboxRelay(ds, {
          routes,
          intervalMs: 20,
          queue: () =>
            ({
              addBulk: async (jobs: Parameters<Queue['addBulk']>[0]) => {
                seen[i].push(...jobs.map((j) => j.opts!.jobId!));
                return queue.addBulk(jobs);
              },
            }) as unknown as Queue,
        }),
    );
    await insertRows(1500);
    relays.forEach((r) => r.start());
    for (let k = 0; k < 10; k++) {
      await insertRows(50);
      await new Promise((r) => setTimeout(r, 30));
    }
    const deadline = Date.now() + 20_000;
    while ((await unpublished()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(relays.map((r) => r.stop()));

    expect(await unpublished()).toBe(0);
    const all = [...seen[0], ...seen[1]];
    expect(new Set(all).size).toBe(2000);
    expect(all).toHaveLength(2000); // no row was claimed by both replicas
    expect(seen[0].length).toBeGreaterThan(0);
    expect(seen[1].length).toBeGreaterThan(0);
    expect(await queue.count()).toBe(2000);
    const ids: { id: string }[] = await ds.query(`SELECT id FROM outbox_message ORDER BY id LIMIT 1`);
    const job = await queue.getJob(`outbox-${ids[0].id}`);
    expect(job?.name).toBe('dossier.status.sync');
    expect(job?.data).toMatchObject({ outboxId: ids[0].id, dossierId: expect.any(String), createdAt: expect.any(String) });
  });

  it('marks nothing published when the add fails, and publishing again after a lost commit adds no duplicate', async () => {
    await insertRows(30);
    await insertRows(5, 'no.route.yet');
    const failing = new OutboxRelay(ds, { routes, queue: () => ({ addBulk: async () => Promise.reject(new Error('redis down')) }) as unknown as Queue });
    await expect(failing.publishBatch()).rejects.toThrow('redis down');
    expect(await unpublished()).toBe(35);

    // The jobs reach Redis but the commit is lost (crash): the rows stay unpublished.
    const lostCommit = new OutboxRelay(ds, {
      routes,
      queue: () =>
        ({
          addBulk: async (jobs: Parameters<Queue['addBulk']>[0]) => {
            await queue.addBulk(jobs);
            throw new Error('crash after add');
          },
        }) as unknown as Queue,
    });
    await expect(lostCommit.publishBatch()).rejects.toThrow('crash after add');
    expect(await queue.count()).toBe(30);
    expect(await unpublished()).toBe(35);

    const relay = new OutboxRelay(ds, { routes, queue: () => queue });
    expect(await relay.publishBatch()).toBe(30);
    expect(await relay.publishBatch()).toBe(0);
    expect(await queue.count()).toBe(30); // same job ids: BullMQ kept one job per row
    expect(await unpublished()).toBe(5); // a topic without a route waits, visibly
  });

  it('gives up on a Redis that does not answer, so the rows are not locked for long', async () => {
    await insertRows(3);
    const hanging = new OutboxRelay(ds, { routes, addTimeoutMs: 200, queue: () => ({ addBulk: () => new Promise(() => undefined) }) as unknown as Queue });
    await expect(hanging.publishBatch()).rejects.toThrow(/timed out/);
    const relay = new OutboxRelay(ds, { routes, queue: () => queue });
    expect(await relay.publishBatch()).toBe(3);
  });
});
