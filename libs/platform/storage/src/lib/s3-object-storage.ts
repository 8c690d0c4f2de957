import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertValidKey, ObjectBody, ObjectNotFoundError, ObjectStorage, PutOptions } from './object-storage';

export interface S3StorageOptions {
  bucket: string;
  /** Endpoint of an S3-compatible service (MinIO, Ceph, a cloud's object storage); AWS when absent. */
  endpoint?: string;
  region: string;
  /** Static credentials; the SDK's default chain (env, profile, instance role) when absent. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`; most self-hosted services need it. */
  forcePathStyle: boolean;
  /** Bytes buffered per part of a multipart upload (S3 minimum 5 MiB). */
  partSize?: number;
}

const isNotFound = (e: unknown) =>
  e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404);

/**
 * Objects in an S3-compatible bucket. Uploads stream through `@aws-sdk/lib-storage` (one PUT for
 * small bodies, a multipart upload above one part, aborted if the body fails), so at most
 * `partSize × 2` bytes are held in memory per upload, and a failed upload leaves no object.
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly client: S3Client;

  constructor(private readonly o: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: o.endpoint,
      region: o.region,
      forcePathStyle: o.forcePathStyle,
      credentials: o.accessKeyId && o.secretAccessKey ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: many S3-compatible services do not understand the
      // newer default (aws-chunked bodies with trailing CRC32). Integrity is kept by our own SHA-256.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: ObjectBody, opts: PutOptions): Promise<{ size: number }> {
    assertValidKey(key);
    let size = 0;
    let bodyError: unknown;
    const counted = Readable.from(
      (async function* () {
        try {
          for await (const chunk of body) {
            size += chunk.length;
            yield chunk;
          }
        } catch (e) {
          bodyError = e;
          throw e;
        }
      })(),
      { objectMode: false },
    );
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.o.bucket, Key: key, Body: counted, ContentType: opts.contentType },
      partSize: this.o.partSize ?? 5 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (e) {
      counted.destroy();
      // The body's own failure (e.g. a size cap) matters more than how the abort went.
      throw bodyError ?? e;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.o.bucket, Key: key }));
      if (!(res.Body instanceof Readable)) throw new Error('S3 response body is not a Node stream');
      return res.Body;
    } catch (e) {
      if (isNotFound(e)) throw new ObjectNotFoundError(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.o.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.o.bucket, Key: key }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
