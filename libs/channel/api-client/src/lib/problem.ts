import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@dvc/shared/contracts';

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).title === 'string';
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Turns any error of an API call into an RFC 9457 problem with a Vietnamese title, so screens have
 * one thing to show: the API's own problem when it sent one, otherwise a problem made here.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body = parseBody(error.error);
    if (isProblem(body)) return { ...body, status: body.status ?? error.status };
    if (error.status === 0) {
      return {
        type: 'about:blank',
        code: 'NETWORK_ERROR',
        status: 0,
        title: 'Không kết nối được tới máy chủ, vui lòng kiểm tra kết nối mạng và thử lại',
      };
    }
    const byStatus: Record<number, string> = {
      400: 'Yêu cầu không hợp lệ',
      401: 'Bạn cần đăng nhập để tiếp tục',
      403: 'Bạn không có quyền thực hiện thao tác này',
      404: 'Không tìm thấy tài nguyên',
      409: 'Dữ liệu bị xung đột, vui lòng tải lại',
      429: 'Bạn thao tác quá nhanh, vui lòng thử lại sau',
    };
    return {
      type: 'about:blank',
      code: 'HTTP_' + error.status,
      status: error.status,
      title:
        byStatus[error.status] ??
        (error.status >= 500 ? 'Hệ thống đang gặp sự cố, vui lòng thử lại sau' : 'Đã có lỗi xảy ra'),
    };
  }
  if (isProblem(error)) return error;
  return {
    type: 'about:blank',
    code: 'CLIENT_ERROR',
    status: 0,
    title: 'Đã có lỗi xảy ra, vui lòng thử lại',
  };
}

/** Field messages of a problem keyed by the last segment of the field path (`/content/name` → `name`). */
export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const key = e.field.split(/[./]/).filter(Boolean).pop() ?? e.field;
    out[key] ??= e.message;
    out[e.field] ??= e.message;
  }
  return out;
}
