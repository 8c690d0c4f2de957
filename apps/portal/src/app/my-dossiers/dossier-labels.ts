import { dossierEventLabel, type DossierActorKind, type DossierDetailDto, type DossierStatus } from '@dvc/shared/contracts';

/** History entries: the shared table, with a few in the citizen's own words. */
const CITIZEN_WORDING: Readonly<Record<string, string>> = {
  submitted: 'Nộp hồ sơ trực tuyến',
  supplement_received: 'Nộp bổ sung giấy tờ',
  withdrawal_requested: 'Yêu cầu rút hồ sơ',
  apology_issued: 'Cơ quan gửi thư xin lỗi và hẹn lại ngày trả kết quả',
};

export function eventLabel(e: { type: string; toStatus?: DossierStatus | null }): string {
  return CITIZEN_WORDING[e.type] ?? dossierEventLabel(e);
}

export const ACTOR_LABELS: Record<DossierActorKind, string> = {
  citizen: 'Bạn',
  official: 'Cán bộ',
  system: 'Hệ thống',
};

/** Where the citizen may still ask to withdraw: while the dossier is being handled, before a result. */
const WITHDRAWABLE: readonly DossierStatus[] = [
  'submitted',
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
  'payment_requested',
];

type WithActions = DossierDetailDto & {
  allowedActions?: ({ action: string } | string)[];
  canWithdraw?: boolean;
};

/** Whether "Yêu cầu rút hồ sơ" is offered; the API's own list of allowed actions wins when it sends one. */
export function canWithdraw(d: DossierDetailDto): boolean {
  const x = d as WithActions;
  if (typeof x.canWithdraw === 'boolean') return x.canWithdraw;
  if (Array.isArray(x.allowedActions))
    return x.allowedActions.some((a) => (typeof a === 'string' ? a : a.action) === 'request_withdrawal');
  return WITHDRAWABLE.includes(d.status);
}

/** A document of the dossier as the API may list it (attachments module). */
export interface DossierFileView {
  id: string;
  name: string;
  fileName: string;
  size?: number;
  attachmentId?: string;
  href?: string;
}

/** The dossier's documents, whichever shape the detail carries them in. */
export function dossierFiles(d: DossierDetailDto): DossierFileView[] {
  const x = d as DossierDetailDto & { documents?: unknown; attachments?: unknown };
  const list = (
    Array.isArray(x.attachments) ? x.attachments : Array.isArray(x.documents) ? x.documents : []
  ) as Record<string, unknown>[];
  return list.map((a, i) => {
    const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
    const fileName = str('fileName') ?? str('name') ?? 'Tệp đính kèm';
    return {
      id: str('id') ?? str('attachmentId') ?? String(i),
      name: str('name') ?? str('documentName') ?? fileName,
      fileName,
      size:
        typeof a['sizeBytes'] === 'number'
          ? (a['sizeBytes'] as number)
          : typeof a['size'] === 'number'
            ? (a['size'] as number)
            : undefined,
      attachmentId: str('attachmentId'),
      href: str('href'),
    };
  });
}
