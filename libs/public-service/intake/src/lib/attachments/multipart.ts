import type { IncomingHttpHeaders } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { AppError } from '@dvc/shared/contracts';

export interface IncomingFile {
  /** The name the client gave (UTF-8), as sent: may hold a path; clean it before use. */
  fileName: string;
  /** The client's claim; never trusted. */
  declaredType: string;
  /** The file's bytes. Read it to its end, or give up on it by throwing. */
  stream: Readable;
}

export interface SingleFileLimits {
  /** Busboy stops passing bytes beyond this (the handler should enforce its own cap below it). */
  fileBytes: number;
  /** Names of the text fields accepted beside the file. */
  fields: readonly string[];
}

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }]);

/**
 * Reads a multipart/form-data request holding one file part named `file` (plus a few short text
 * fields) without buffering it: `handle` gets the file's stream as it arrives. Resolves once the
 * whole request body has been read, with the handler's result and the text fields (which may come
 * before or after the file). Whatever the handler does not read is drained, so the request always
 * ends and the answer reaches the client. If the request turns out bad after the handler
 * succeeded, `discard` undoes the handler's work.
 */
export async function receiveSingleFile<T>(
  req: Readable & { headers: IncomingHttpHeaders },
  limits: SingleFileLimits,
  handle: (file: IncomingFile) => Promise<T>,
  discard: (result: T) => Promise<void>,
): Promise<{ result: T; fields: Record<string, string> }> {
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fields: limits.fields.length, fieldSize: 1024, parts: limits.fields.length + 5, headerPairs: 20, fileSize: limits.fileBytes },
    });
  } catch {
    throw invalid('file', 'Tệp phải được gửi dạng multipart/form-data');
  }

  const fields: Record<string, string> = {};
  let problem: AppError | undefined;
  let handled: Promise<T> | undefined;
  const fail = (e: AppError) => (problem ??= e);

  bb.on('file', (name, file, info) => {
    if (name !== 'file' || handled) {
      fail(invalid(name, `Chỉ gửi một tệp, trong trường "file"`));
      file.resume();
      return;
    }
    // The handler reads a pass-through, so that whatever it leaves can be drained from `file`.
    const own = new PassThrough();
    file.pipe(own);
    file.on('error', (e) => own.destroy(e));
    handled = handle({ fileName: info.filename ?? '', declaredType: info.mimeType, stream: own });
    handled
      .catch(() => undefined)
      .finally(() => {
        file.unpipe(own);
        own.destroy();
        file.resume();
      });
  });
  bb.on('field', (name, value, info) => {
    if (!limits.fields.includes(name)) fail(invalid(name, `Trường "${name}" không được phép gửi lên`));
    else if (info.valueTruncated) fail(invalid(name, `Trường "${name}" quá dài`));
    else fields[name] = value;
  });
  bb.on('filesLimit', () => fail(invalid('file', 'Chỉ gửi một tệp mỗi lần tải lên')));
  bb.on('fieldsLimit', () => fail(invalid('file', 'Quá nhiều trường dữ liệu')));
  bb.on('partsLimit', () => fail(invalid('file', 'Quá nhiều phần dữ liệu')));

  const read = pipeline(req, bb).then(
    () => undefined,
    (e: Error) => e,
  );
  const readError = await read;
  const outcome = handled
    ? await handled.then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error }),
      )
    : undefined;

  if (outcome?.ok && (readError || problem)) await discard(outcome.result);
  if (readError) {
    // The client went away or sent a broken body: nothing was kept.
    throw new AppError('BAD_REQUEST', `Tải tệp lên không hoàn tất: ${readError.message}`);
  }
  if (outcome && !outcome.ok) throw outcome.error;
  if (problem) throw problem;
  if (!outcome) throw invalid('file', 'Vui lòng chọn tệp đính kèm (trường "file")');
  return { result: outcome.result, fields };
}
