import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { digestStream, SizeLimitError, StreamDigest } from './stream-digest';

describe('StreamDigest: SHA-256 and size while streaming', () => {
  const chunks = [Buffer.from('%PDF-1.7\n'), Buffer.alloc(100_000, 7), Buffer.from('Tiếng Việt có dấu\n%%EOF')];
  const whole = Buffer.concat(chunks);

  it('gives the SHA-256 and size of the whole stream, whatever the chunking', async () => {
    const expected = { sha256: createHash('sha256').update(whole).digest('hex'), size: whole.length };
    expect(await digestStream(Readable.from(chunks))).toEqual(expected);
    expect(await digestStream(Readable.from([whole]))).toEqual(expected);
  });

  it('knows the digest of an empty stream', async () => {
    expect(await digestStream(Readable.from([]))).toEqual({ sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 });
  });

  it('passes bytes through unchanged', async () => {
    const d = new StreamDigest();
    const out: Buffer[] = [];
    for await (const c of d.pass(Readable.from(chunks))) out.push(Buffer.from(c));
    expect(Buffer.concat(out).equals(whole)).toBe(true);
    expect(d.size).toBe(whole.length);
  });

  it('stops as soon as the cap is crossed, and accepts exactly the cap', async () => {
    await expect(digestStream(Readable.from(chunks), whole.length - 1)).rejects.toBeInstanceOf(SizeLimitError);
    await expect(digestStream(Readable.from(chunks), whole.length)).resolves.toMatchObject({ size: whole.length });
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1024);
      }
    }
    await expect(digestStream(endless(), 10 * 1024)).rejects.toThrow(SizeLimitError);
    expect(pulled).toBe(11);
  });
});
