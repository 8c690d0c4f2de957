/**
 * RFC 9457 problem details. Every 4xx/5xx of the API has this body with
 * Content-Type application/problem+json, a stable `type` and a Vietnamese `title`.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Machine-readable code, e.g. PROCEDURE_NOT_FOUND. */
  code: string;
  /** Field errors: the JSON pointer / property path and a Vietnamese message. */
  errors?: { field: string; message: string }[];
  requestId?: string;
}

export const PROBLEM_BASE_URI = 'https://dvc.example.gov.vn/problems/';

/** The catalogue of problem codes: HTTP status and Vietnamese title. */
export const PROBLEMS = {
  VALIDATION_FAILED: { status: 400, title: 'Dữ liệu gửi lên không hợp lệ' },
  BAD_REQUEST: { status: 400, title: 'Yêu cầu không hợp lệ' },
  UNAUTHENTICATED: { status: 401, title: 'Bạn cần đăng nhập để tiếp tục' },
  INVALID_CREDENTIALS: { status: 401, title: 'Tên đăng nhập hoặc mật khẩu không đúng' },
  INVALID_REFRESH_TOKEN: { status: 401, title: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại' },
  FORBIDDEN: { status: 403, title: 'Bạn không có quyền thực hiện thao tác này' },
  NOT_FOUND: { status: 404, title: 'Không tìm thấy tài nguyên' },
  PROCEDURE_NOT_FOUND: { status: 404, title: 'Không tìm thấy thủ tục hành chính' },
  PROCEDURE_VERSION_NOT_FOUND: { status: 404, title: 'Không tìm thấy phiên bản thủ tục' },
  DOSSIER_NOT_FOUND: { status: 404, title: 'Không tìm thấy hồ sơ' },
  ATTACHMENT_NOT_FOUND: { status: 404, title: 'Không tìm thấy tệp đính kèm' },
  DOSSIER_DRAFT_NOT_FOUND: { status: 404, title: 'Không tìm thấy bản nháp hồ sơ' },
  ATTACHMENT_IN_USE: { status: 409, title: 'Tệp đã được dùng trong một hồ sơ đã nộp' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 400, title: 'Loại tệp không được chấp nhận (chỉ PDF, JPEG, PNG, DOCX, XLSX)' },
  ATTACHMENT_TOO_LARGE: { status: 413, title: 'Tệp đính kèm vượt quá dung lượng cho phép' },
  DOSSIER_TOO_LARGE: { status: 413, title: 'Tổng dung lượng các tệp của hồ sơ vượt quá giới hạn' },
  AGENCY_NOT_FOUND: { status: 404, title: 'Không tìm thấy cơ quan, đơn vị' },
  FIELD_NOT_FOUND: { status: 404, title: 'Không tìm thấy lĩnh vực' },
  PROCEDURE_CODE_TAKEN: { status: 409, title: 'Mã thủ tục đã tồn tại' },
  CITIZEN_ALREADY_REGISTERED: { status: 409, title: 'Số định danh cá nhân đã được đăng ký' },
  VERSION_NOT_DRAFT: { status: 409, title: 'Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới' },
  VERSION_NOT_PUBLISHED: { status: 409, title: 'Chỉ phiên bản đang áp dụng mới có thể ngừng áp dụng' },
  DRAFT_ALREADY_EXISTS: { status: 409, title: 'Thủ tục đã có một bản nháp đang soạn' },
  STALE_VERSION: { status: 409, title: 'Dữ liệu đã được người khác thay đổi, vui lòng tải lại' },
  CATALOG_REFRESH_RUNNING: { status: 409, title: 'Đang có một lượt cập nhật danh mục từ Cổng DVC quốc gia, vui lòng chờ lượt đó xong' },
  ACTION_NOT_ALLOWED: { status: 403, title: 'Không thể thực hiện thao tác này với hồ sơ ở bước hiện tại' },
  WORKFLOW_NOT_FOUND: { status: 404, title: 'Không tìm thấy quy trình xử lý' },
  INVALID_WORKFLOW: { status: 422, title: 'Quy trình xử lý không hợp lệ' },
  SIGNER_NOT_CONFIGURED: { status: 409, title: 'Đơn vị chưa được cấu hình chữ ký số để ký kết quả giải quyết' },
  SIGNING_FAILED: { status: 502, title: 'Không ký số được kết quả giải quyết, vui lòng thử lại' },
  APOLOGY_NOT_FOUND: { status: 404, title: 'Không tìm thấy phiếu xin lỗi và hẹn lại' },
  APOLOGY_ALREADY_ISSUED: { status: 409, title: 'Phiếu xin lỗi và hẹn lại đã được phát hành' },
  FORM_NOT_APPLICABLE: { status: 409, title: 'Biểu mẫu không áp dụng cho hồ sơ này' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Khóa Idempotency-Key đã được dùng cho một hồ sơ khác nội dung' },
  INVALID_FORM_SCHEMA: { status: 422, title: 'Biểu mẫu điện tử (JSON Schema) không hợp lệ' },
  RATE_LIMITED: { status: 429, title: 'Bạn thao tác quá nhanh, vui lòng thử lại sau' },
  INTERNAL: { status: 500, title: 'Hệ thống đang gặp sự cố, vui lòng thử lại sau' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Dịch vụ tạm thời không sẵn sàng' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/**
 * A failure with a stable code from PROBLEMS. Services throw it; one exception filter
 * turns it into problem+json with the code's HTTP status and Vietnamese title.
 */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
  get status(): number {
    return PROBLEMS[this.code].status;
  }
}
