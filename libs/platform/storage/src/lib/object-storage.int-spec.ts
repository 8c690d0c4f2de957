import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { FsObjectStorage } from './fs-object-storage';
import { ObjectNotFoundError, ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';

// s3rver ships no type declarations.
const S3rver = require('s3rver') as new (o: Record<string, unknown>) => {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
};

interface Harness {
  storage: ObjectStorage;
  /** What failed uploads under `prefix` left behind: objects, and the adapter's temp files. */
  leftovers(prefix: string): Promise<number>;
  close(): Promise<void>;
}

async function fsHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-fs-storage-'));
  const storage = new FsObjectStorage(dir);
  return {
    storage,
    leftovers: async (prefix) =>
      (await readdir(join(dir, '.tmp')).catch(() => [])).length +
      (await readdir(dir, { recursive: true })).filter((f) => f.replace(/\\/g, '/').startsWith(prefix)).length,
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A real S3-compatible server in this process, on a free port, with its own directory. */
async function s3Harness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'dvc-test' }] });
  const { address, port } = await server.run();
  const storage = new S3ObjectStorage({
    bucket: 'dvc-test',
    endpoint: `http://${address}:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
  return {
    storage,
    // Objects only: s3rver implements neither ListMultipartUploads nor AbortMultipartUpload, so the
    // parts of an aborted multipart upload (which real S3 drops on abort) cannot be checked here.
    leftovers: async (prefix) => (await storage.client.send(new ListObjectsV2Command({ Bucket: 'dvc-test', Prefix: prefix }))).KeyCount ?? 0,
    close: async () => {
      storage.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function readAll(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `size` random bytes in 64 KiB chunks, then optionally a failure. */
async function* body(size: number, failAfter = false) {
  for (let sent = 0; sent < size; sent += 65536) yield randomBytes(Math.min(65536, size - sent));
  if (failAfter) throw new Error('client went away');
}

describe.each([
  ['filesystem', fsHarness],
  ['S3 (s3rver)', s3Harness],
])('ObjectStorage: %s adapter', (_name, make) => {
  let h: Harness;
  beforeAll(async () => {
    h = await make();
  });
  afterAll(() => h.close());

  it('stores a stream, reports its size, reads it back, tells it exists, deletes it', async () => {
    const data = Buffer.from('%PDF-1.7 tệp thử nghiệm\n'.repeat(1000));
    const key = 'attachments/2026/06/round-trip';
    expect(await h.storage.exists(key)).toBe(false);
    await expect(h.storage.put(key, Readable.from([data.subarray(0, 100), data.subarray(100)]), { contentType: 'application/pdf' })).resolves.toEqual({
      size: data.length,
    });
    expect(await h.storage.exists(key)).toBe(true);
    expect(sha(await readAll(await h.storage.get(key)))).toBe(sha(data));
    await h.storage.delete(key);
    expect(await h.storage.exists(key)).toBe(false);
    await expect(h.storage.delete(key)).resolves.toBeUndefined();
  });

  it('rejects a missing object with ObjectNotFoundError', async () => {
    await expect(h.storage.get('attachments/none')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('replaces an object stored under the same key', async () => {
    await h.storage.put('x/replace', Readable.from([Buffer.from('one')]), { contentType: 'text/plain' });
    await h.storage.put('x/replace', Readable.from([Buffer.from('two!')]), { contentType: 'text/plain' });
    expect((await readAll(await h.storage.get('x/replace'))).toString()).toBe('two!');
  });

  it('streams a body larger than one multipart part (6 MiB) from an async generator', async () => {
    const hash = createHash('sha256');
    async function* tee() {
      for await (const c of body(6 * 1024 * 1024)) {
        hash.update(c);
        yield c;
      }
    }
    await expect(h.storage.put('x/large', tee(), { contentType: 'application/octet-stream' })).resolves.toEqual({ size: 6 * 1024 * 1024 });
    expect(sha(await readAll(await h.storage.get('x/large')))).toBe(hash.digest('hex'));
  });

  it.each([
    ['a small body', 100_000],
    ['a multipart body', 6 * 1024 * 1024],
  ])('leaves nothing behind when %s fails mid-way', async (_what, size) => {
    const key = `x/failed-${size}`;
    await expect(h.storage.put(key, body(size, true), { contentType: 'application/pdf' })).rejects.toThrow('client went away');
    expect(await h.storage.exists(key)).toBe(false);
    expect(await h.leftovers('x/failed')).toBe(0);
  });

  it('refuses keys that could escape the storage root', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a//b', 'a/../b', '.tmp/x', '']) {
      await expect(h.storage.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' })).rejects.toThrow(RangeError);
      await expect(h.storage.exists(key)).rejects.toThrow(RangeError);
    }
  });
});
