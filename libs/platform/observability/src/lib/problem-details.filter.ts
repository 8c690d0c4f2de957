import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, Problem, PROBLEM_BASE_URI, ProblemCode, PROBLEMS } from '@dvc/shared/contracts';

const BY_STATUS: Record<number, ProblemCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'STALE_VERSION',
  413: 'BAD_REQUEST',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Builds the RFC 9457 body for an error; anything unexpected becomes a 500 without internals. */
export function toProblem(err: unknown, instance?: string, requestId?: string): Problem {
  if (err instanceof AppError) {
    const def = PROBLEMS[err.code];
    return {
      type: PROBLEM_BASE_URI + err.code.toLowerCase().replace(/_/g, '-'),
      title: def.title,
      status: def.status,
      code: err.code,
      ...(err.detail ? { detail: err.detail } : {}),
      ...(err.errors?.length ? { errors: err.errors } : {}),
      instance,
      requestId,
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    // Framework errors (unknown route, body too large, malformed JSON) keep their status.
    const title = status === 404 ? 'Không tìm thấy đường dẫn' : status === 413 ? 'Dữ liệu gửi lên quá lớn' : PROBLEMS[code].title;
    return {
      type: PROBLEM_BASE_URI + (status === 404 ? 'not-found' : code.toLowerCase().replace(/_/g, '-')),
      title,
      status,
      code: status === 404 ? 'NOT_FOUND' : code,
      instance,
      requestId,
    };
  }
  return {
    type: PROBLEM_BASE_URI + 'internal',
    title: PROBLEMS.INTERNAL.title,
    status: 500,
    code: 'INTERNAL',
    instance,
    requestId,
  };
}

/** Every 4xx/5xx leaves the API as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const problem = toProblem(err, req.originalUrl?.split('?')[0], req.id ? String(req.id) : undefined);
    if (problem.status >= 500) this.logger.error({ err }, 'unhandled error');
    if (res.headersSent) return;
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
