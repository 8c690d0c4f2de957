import { createHash, Hash } from 'node:crypto';

/** More bytes arrived than allowed. */
export class SizeLimitError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = 'SizeLimitError';
  }
}

/**
 * SHA-256 and size of bytes as they stream by, with a cap: `update` throws SizeLimitError as soon as
 * more than `maxBytes` went through, so an oversized upload stops where it crosses the cap.
 */
export class StreamDigest {
  private readonly hash: Hash = createHash('sha256');
  private hex?: string;
  size = 0;

  constructor(readonly maxBytes = Number.POSITIVE_INFINITY) {}

  update(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) throw new SizeLimitError(this.maxBytes);
    this.hash.update(chunk);
  }

  /** Passes the bytes of `source` through unchanged while measuring them. */
  async *pass(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      this.update(chunk);
      yield chunk;
    }
  }

  /** Hex SHA-256 of everything seen; call once the stream ended. */
  sha256(): string {
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }
}

/** SHA-256 and size of a whole stream. */
export async function digestStream(source: AsyncIterable<Uint8Array>, maxBytes?: number): Promise<{ sha256: string; size: number }> {
  const d = new StreamDigest(maxBytes);
  for await (const chunk of source) d.update(chunk);
  return { sha256: d.sha256(), size: d.size };
}
