import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, ObjectBody, ObjectNotFoundError, ObjectStorage, PutOptions } from './object-storage';

const isNotFound = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Objects as files under one directory. A put writes `<root>/.tmp/<uuid>` and renames it into place
 * only when the whole body arrived, so a failed or aborted upload leaves nothing under its key.
 * (Keys never start with a dot, so `.tmp` cannot collide with one.)
 */
export class FsObjectStorage implements ObjectStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    assertValidKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, body: ObjectBody, _opts: PutOptions): Promise<{ size: number }> {
    const target = this.path(key);
    const tmpDir = join(this.root, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    let size = 0;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Uint8Array>) {
          for await (const chunk of source) {
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(tmp, { flags: 'wx', mode: 0o640 }),
      );
      await mkdir(dirname(target), { recursive: true });
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    try {
      const fh = await open(this.path(key), 'r');
      return fh.createReadStream();
    } catch (e) {
      if (isNotFound(e)) throw new ObjectNotFoundError(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }
}
