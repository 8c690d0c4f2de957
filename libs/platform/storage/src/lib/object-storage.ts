import type { Readable } from 'node:stream';

/** Nest injection token of the configured ObjectStorage. */
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

/** The body of an object being stored: a stream, or any async iterable of bytes (e.g. a generator). */
export type ObjectBody = Readable | AsyncIterable<Uint8Array>;

export interface PutOptions {
  contentType: string;
}

/**
 * Where uploaded files and issued results live. Keys are opaque, `/`-separated and chosen by the
 * application (never derived from a user's file name). A failed `put` leaves no object behind.
 */
export interface ObjectStorage {
  /** Streams `body` into `key` (replacing any object there) and returns the number of bytes stored. */
  put(key: string, body: ObjectBody, opts: PutOptions): Promise<{ size: number }>;
  /** Opens the object for reading; rejects with ObjectNotFoundError when it does not exist. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Refuses keys that could escape the storage root or confuse an S3 gateway (`..`, `//`, leading `/`). */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) {
    throw new RangeError(`invalid object key: ${JSON.stringify(key)}`);
  }
}
