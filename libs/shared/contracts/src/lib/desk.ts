import type { AttachmentSignatureInfo, AttachmentSignatureStatus } from './attachments';
/**
 * Contract of the one-stop desk API (`/api/v1/desk/…`, `/api/v1/admin/calendar/…`) and of the
 * citizen's side actions on a dossier (withdrawal request, supplement). The desk UI codes against it.
 */
import type { DossierActorKind, DossierChannel, DossierDto, DossierStatus } from './dossier';
import type { DossierResultDto } from './result';

/**
 * Actions of the workflow engine (`@dvc/one-stop/workflow`), same ids. Which of them a given official
 * may take on a given dossier is in {@link DeskDossierDetailDto.allowedActions}.
 */
export type DeskAction =
  | 'accept'
  | 'refuse'
  | 'request_supplement'
  | 'supplement_received'
  | 'assign'
  | 'reassign'
  | 'forward'
  | 'transfer'
  | 'send_back'
  | 'submit_for_approval'
  | 'approve'
  | 'stop'
  | 'return_result'
  | 'request_withdrawal'
  | 'record_withdrawal'
  | 'request_payment'
  | 'payment_received';

/** Vietnamese button labels of the actions: the engine, the API and the desk use this one table. */
export const DESK_ACTION_LABELS: Record<DeskAction, string> = {
  accept: 'Tiếp nhận',
  refuse: 'Từ chối tiếp nhận',
  request_supplement: 'Yêu cầu bổ sung',
  supplement_received: 'Đã nhận bổ sung',
  assign: 'Phân công',
  reassign: 'Phân công lại',
  forward: 'Chuyển xử lý',
  transfer: 'Chuyển liên thông',
  send_back: 'Trả lại',
  submit_for_approval: 'Trình phê duyệt',
  approve: 'Phê duyệt',
  stop: 'Dừng xử lý',
  return_result: 'Trả kết quả',
  request_withdrawal: 'Yêu cầu rút hồ sơ',
  record_withdrawal: 'Ghi nhận rút hồ sơ',
  request_payment: 'Yêu cầu nộp phí, lệ phí',
  payment_received: 'Đã nộp phí, lệ phí',
};

/** One item the applicant must supply (Mẫu 02, phiếu yêu cầu bổ sung, hoàn thiện hồ sơ). */
export interface SupplementItem {
  /** What is missing, e.g. "Bản sao giấy chứng sinh". */
  name: string;
  /** Why, or what exactly (optional). */
  note?: string;
}

/**
 * `POST /api/v1/desk/dossiers/:id/actions` — 200 with the updated {@link DeskDossierDetailDto}.
 * Errors (problem+json `code`): DOSSIER_NOT_FOUND 404 (also: another unit's dossier),
 * STALE_VERSION 409 (`expectedVersion` is not the current `rowVersion`: reload),
 * ACTION_NOT_ALLOWED 403 (the engine refused; `detail` says why), VALIDATION_FAILED 400
 * (missing note / assignee / target unit).
 */
export interface DeskActionRequest {
  action: DeskAction;
  /** The dossier's `rowVersion` the official saw. */
  expectedVersion: number;
  /** Reason or instruction; required by refuse, request_supplement, send_back, stop (see `requiresNote`). */
  note?: string;
  /** For assign / reassign (and optionally forward): the official who will hold the dossier. */
  assigneeId?: string;
  /** For transfer (liên thông) when the next step's unit is not fixed: the QCVN 102 code of the target unit. */
  targetUnitCode?: string;
  /** For request_supplement: the list of what is missing (Mẫu 02). */
  items?: SupplementItem[];
}

/** An action the calling official may take now, with what the form must ask for. */
export interface DeskAllowedAction {
  action: DeskAction;
  /** Vietnamese button label. */
  label: string;
  requiresNote: boolean;
  /** assign / reassign: pick an official (see `GET /api/v1/desk/dossiers/:id/assignees`). */
  requiresAssignee: boolean;
  /** transfer: pick a unit (QCVN 102 code). */
  requiresTargetUnit: boolean;
  /** request_supplement: list the missing items. */
  requiresItems: boolean;
  /** The status the dossier will have afterwards. */
  toStatus: DossierStatus;
  /** The step the dossier will be at afterwards. */
  toStepId: string;
}

/** Deadline state shown as a badge. */
export type SlaState = 'on_time' | 'due_soon' | 'overdue' | 'paused' | 'closed';

export interface DeskUnitRef {
  id: string;
  code: string;
  name: string;
}

export interface DeskOfficialRef {
  id: string;
  fullName: string;
}

/** A row of the inbox. */
export interface DeskInboxItemDto {
  id: string;
  code: string;
  status: DossierStatus;
  statusCode: number;
  statusLabel: string;
  channel: DossierChannel;
  procedure: { id: string; code: string; name: string };
  applicantName: string;
  currentUnit: DeskUnitRef;
  step: { id: string; name: string };
  assignee: DeskOfficialRef | null;
  receivedAt: string;
  /** Hạn trả kết quả (moves when the clock was paused). */
  dueAt: string;
  /** Due time of the current step, if it has one. */
  stepDueAt: string | null;
  sla: SlaState;
  rowVersion: number;
}

/**
 * `GET /api/v1/desk/dossiers` query. Keyset pagination on (dueAt, id): pass the previous page's
 * `nextCursor` as `after`.
 */
export interface DeskInboxQuery {
  /** One status or several, comma-separated: `received,processing`. */
  status?: string;
  /** National procedure code, e.g. 1.001193. */
  procedure?: string;
  /** today = due before the end of today; week = before the end of the 7th day; overdue = past due. */
  due?: 'today' | 'week' | 'overdue';
  /** Only dossiers assigned to me. */
  assignedToMe?: boolean;
  /** Text search in code or applicant name (prefix of the code, or contains the name). */
  q?: string;
  after?: string;
  /** 1–100, default 20. */
  limit?: number;
}

export interface DeskInboxPage {
  items: DeskInboxItemDto[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
  limit: number;
}

/** `GET /api/v1/desk/dossiers/counts` — open dossiers of the units I serve. */
export interface DeskCountsDto {
  byStatus: Partial<Record<DossierStatus, number>>;
  /** Non-terminal dossiers. */
  open: number;
  assignedToMe: number;
  dueToday: number;
  dueSoon: number;
  overdue: number;
}

/** One entry of the history, as the desk sees it. */
export interface DeskEventDto {
  id: string;
  type: string;
  actorKind: DossierActorKind;
  actor: DeskOfficialRef | null;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  fromStep: string | null;
  toStep: string | null;
  note: string | null;
  at: string;
  /** Event-specific data: supplement items, attachment ids, assignee, target unit, SLA flags… */
  data: Record<string, unknown> | null;
}

/** One hand-over of the dossier (a step it went through), for deadlines and Mẫu 05. */
export interface DossierStepDto {
  id: string;
  stepId: string;
  stepName: string;
  unit: DeskUnitRef;
  assignee: DeskOfficialRef | null;
  startedAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  /** null while open; true/false once finished. */
  onTime: boolean | null;
  dueSoonAt: string | null;
  overdueAt: string | null;
}

/** A document of the dossier (attachments are provided by the attachments module). */
export interface DeskDocumentDto {
  id: string;
  /** The dossier component (thành phần hồ sơ), e.g. "Tờ khai". */
  name: string;
  /** Its code in the procedure version, e.g. TP01. */
  documentCode?: string;
  /** The uploaded file's name. */
  fileName?: string;
  contentType: string;
  size: number;
  /** Where the desk can preview or download it (`GET`, same bearer token; served inline). */
  href: string;
  /** Digital signatures of an uploaded PDF, verified on upload (absent for other files). */
  signatureStatus?: AttachmentSignatureStatus;
  signatureInfo?: AttachmentSignatureInfo[] | null;
}

/** `GET /api/v1/desk/dossiers/:id`. */
export interface DeskDossierDetailDto extends DossierDto {
  rowVersion: number;
  workflow: { id: string; code: string; version: number; name: string };
  step: { id: string; name: string; kind: string };
  currentUnit: DeskUnitRef;
  assignee: DeskOfficialRef | null;
  sla: SlaState;
  clock: { pausedAt: string | null; pausedMs: number };
  dueSoonAt: string | null;
  overdueAt: string | null;
  documents: DeskDocumentDto[];
  /** The e-result the leader signed at approval, if any. */
  result?: DossierResultDto | null;
  events: DeskEventDto[];
  steps: DossierStepDto[];
  allowedActions: DeskAllowedAction[];
}

/** `GET /api/v1/desk/dossiers/:id/assignees` — officials of the unit holding the dossier. */
export interface DeskAssigneeDto extends DeskOfficialRef {
  roles: string[];
  unit: DeskUnitRef;
}

/**
 * `POST /api/v1/desk/dossiers` — in-person (or postal) intake by an intake officer at the counter.
 * 201 with {@link DeskDossierDetailDto}; the dossier starts at the intake step, status `submitted`,
 * and the officer then accepts it (issuing the receipt) like any other.
 */
export interface InPersonIntakeRequest {
  procedureCode: string;
  /** A unit the officer serves that implements the procedure. */
  receivingAgencyCode: string;
  channel?: 'desk' | 'post';
  applicant: { name: string; identityNumber: string; phone?: string; email?: string };
  formData: Record<string, unknown>;
  note?: string;
  /** Accept at once (issuing the receipt, Mẫu 01) in the same transaction; otherwise it waits at intake. */
  accept?: boolean;
}

/** `POST /api/v1/dossiers/:id/withdrawal-request` (citizen, own dossier) — 200 with the citizen's dossier detail. */
export interface WithdrawalRequest {
  reason: string;
}

/** `POST /api/v1/dossiers/:id/supplement` (citizen, own dossier in supplement_requested). */
export interface SupplementSubmission {
  note?: string;
  /** Ids of uploaded attachments (attachments module). */
  attachmentIds?: string[];
}

/** Result of a citizen action. */
export interface CitizenActionResultDto {
  id: string;
  code: string;
  status: DossierStatus;
  statusLabel: string;
  dueAt: string;
}

/** A row of Mẫu 05 (phiếu kiểm soát quá trình giải quyết hồ sơ): one hand-over. */
export interface ControlSheetRowDto {
  seq: number;
  stepId: string;
  stepName: string;
  /** Who handed it over (unit and official) — null for the first row (the applicant). */
  fromUnit: DeskUnitRef | null;
  fromOfficial: DeskOfficialRef | null;
  toUnit: DeskUnitRef;
  toOfficial: DeskOfficialRef | null;
  /** When the step received the dossier. */
  handedOverAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  /** null while the step is open. */
  onTime: boolean | null;
  note: string | null;
}

/** `GET /api/v1/desk/dossiers/:id/control-sheet` — data of Mẫu 05. */
export interface ControlSheetDto {
  dossier: {
    id: string;
    code: string;
    procedureName: string;
    applicantName: string;
    receivedAt: string;
    dueAt: string;
    returnedAt: string | null;
  };
  receivingUnit: DeskUnitRef;
  rows: ControlSheetRowDto[];
}

export type ApologyStatus = 'draft' | 'issued';

/** Mẫu 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả), drafted by the SLA job for an overdue dossier. */
export interface ApologyLetterDto {
  id: string;
  dossierId: string;
  status: ApologyStatus;
  /** Placeholder until the official writes the real reason. */
  reason: string;
  originalDueAt: string;
  proposedDueAt: string;
  createdAt: string;
  issuedAt: string | null;
  issuedBy: DeskOfficialRef | null;
}

/** `POST /api/v1/desk/dossiers/:id/apologies/:apologyId/issue`. */
export interface IssueApologyRequest {
  reason: string;
  /** Defaults to the drafted date. */
  proposedDueAt?: string;
}

/** A row of `GET /api/v1/desk/overdue` (the overdue board). */
export interface OverdueItemDto extends DeskInboxItemDto {
  overdueAt: string | null;
  /** Working days late (rounded up), ≥ 0. */
  daysLate: number;
  apology: { id: string; status: ApologyStatus } | null;
}

export interface OverdueBoardDto {
  items: OverdueItemDto[];
  nextCursor: string | null;
  limit: number;
}

/** An administrator-maintained day of the official schedule. */
export interface CalendarDayDto {
  /** YYYY-MM-DD. */
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
  /** YYYY-MM-DD; dossiers received before it keep the old calendar. Defaults to the day it is saved. */
  effectiveFrom: string | null;
  source: string | null;
}

/** `GET /api/v1/admin/calendar/:year`. */
export interface CalendarYearDto {
  year: number;
  /** Days edited by administrators (what PUT replaces). */
  days: CalendarDayDto[];
  /** Built-in official schedule of the year (read-only). */
  builtIn: CalendarDayDto[];
  /** Every non-working weekday and every working weekend day, as the calendar resolves them now. */
  resolved: { date: string; working: boolean; reasons: string[] }[];
}

/** `PUT /api/v1/admin/calendar/:year` — replaces the administrator days of the year. */
export interface PutCalendarYearRequest {
  days: CalendarDayDto[];
}

/** The one-stop forms the desk prints (NĐ 118/2025/NĐ-CP): Mẫu 01–05. */
export const DESK_FORMS = ['mau-01', 'mau-02', 'mau-03', 'mau-04', 'mau-05'] as const;
export type DeskFormId = (typeof DESK_FORMS)[number];

/** A row of `GET /api/v1/desk/dossiers/:id/forms`: a form that applies to the dossier, as a PDF. */
export interface DeskFormDto {
  form: DeskFormId;
  /** "Mẫu 02". */
  label: string;
  title: string;
  /** The PDF (`GET …/forms/:form`, with `?apologyId=` for a given Mẫu 04). */
  href: string;
  /** PAdES-signed by the agency when served (a signer is configured and the form is issued to the citizen). */
  signed: boolean;
  /** Mẫu 04 not issued yet: printed as a draft. */
  draft?: boolean;
}

/** `GET /api/v1/desk/overdue` — filters of the overdue board (all optional, combined with AND). */
export interface OverdueBoardQuery {
  /** `overdue` (default): past the due time; `due_soon`: at most one working day left. */
  state?: 'overdue' | 'due_soon';
  /** National procedure code, e.g. 1.001193. */
  procedure?: string;
  /** Code of one of my units: the dossiers it holds. */
  unit?: string;
  /** Working days late, at least (overdue only; 1–3650). */
  minDaysLate?: number;
  /** Working days late, at most (overdue only; 1–3650, ≥ minDaysLate). */
  maxDaysLate?: number;
  after?: string;
  /** 1–100, default 20. */
  limit?: number;
}

/** One office session, `HH:mm` Vietnam time; `end` is exclusive. */
export interface OfficeSessionDto {
  start: string;
  end: string;
}

/** `GET/PUT /api/v1/admin/agencies/:code/office-hours` — an agency's office hours (giờ làm việc). */
export interface AgencyOfficeHoursDto {
  agencyCode: string;
  agencyName: string;
  morning: OfficeSessionDto;
  afternoon: OfficeSessionDto;
  /** Reception on ordinary Saturday mornings; the Saturday stays a day off for time limits. */
  saturdayMorning: OfficeSessionDto | null;
  /** True when the agency has no hours of its own and uses the system default. */
  isDefault: boolean;
  updatedAt: string | null;
}

/** `PUT /api/v1/admin/agencies/:code/office-hours`. */
export interface PutAgencyOfficeHoursRequest {
  morning: OfficeSessionDto;
  afternoon: OfficeSessionDto;
  saturdayMorning?: OfficeSessionDto | null;
}
