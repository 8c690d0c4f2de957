import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import {
  AttachmentApi,
  CatalogApi,
  DossierApi,
  fileNameFrom,
  loader,
  saveBlob,
  toProblem,
} from '@dvc/channel/api-client';
import { EformSummary, FormSchema } from '@dvc/channel/eform';
import {
  Alert,
  ConfirmDialog,
  DatePipeVi,
  DateTimePipe,
  DossierStatusBadge,
  FileSizePipe,
  Loading,
  PageHeader,
  ProblemAlert,
  SignedResult,
} from '@dvc/channel/ui';
import {
  DOSSIER_CHANNEL_LABELS,
  DOSSIER_STATUS_LABELS,
  DossierEventDto,
  Problem,
} from '@dvc/shared/contracts';
import { catchError, of } from 'rxjs';
import { ACTOR_LABELS, DossierFileView, canWithdraw, dossierFiles, eventLabel } from './dossier-labels';
import { ReceiptButton } from './receipt-button';
import { SupplementForm } from './supplement-form';

/** `/ho-so-cua-toi/:id` — one dossier: facts, the e-form, documents, history and the citizen's actions. */
@Component({
  selector: 'dvc-my-dossier-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    PageHeader,
    ProblemAlert,
    Alert,
    Loading,
    ConfirmDialog,
    DossierStatusBadge,
    DateTimePipe,
    DatePipeVi,
    FileSizePipe,
    EformSummary,
    ReceiptButton,
    SupplementForm,
    SignedResult,
  ],
  templateUrl: './my-dossier-detail.html',
  styleUrl: './my-dossier-detail.css',
})
export class MyDossierDetail {
  readonly id = input.required<string>();
  private readonly api = inject(DossierApi);
  private readonly catalog = inject(CatalogApi);
  private readonly attachments = inject(AttachmentApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required<ConfirmDialog>('confirm');
  protected readonly channelLabels = DOSSIER_CHANNEL_LABELS;
  protected readonly actorLabels = ACTOR_LABELS;

  protected readonly dossier = loader(
    () => this.id(),
    (id) => this.api.get(id),
  );
  /** The procedure's e-form schema, for the titles of the answers (optional: answers show anyway). */
  private readonly procedure = loader(
    () => this.dossier.value()?.procedure.code,
    (code) => this.catalog.procedure(code).pipe(catchError(() => of(undefined))),
  );
  protected readonly schema = computed(
    () => this.procedure.value()?.content.formSchema as FormSchema | undefined,
  );
  protected readonly files = computed<DossierFileView[]>(() => {
    const d = this.dossier.value();
    return d ? dossierFiles(d) : [];
  });
  protected readonly events = computed(() => [...(this.dossier.value()?.events ?? [])].reverse());
  protected readonly withdrawable = computed(() => {
    const d = this.dossier.value();
    return !!d && canWithdraw(d);
  });
  /** What the official asked for, from the latest supplement request in the history. */
  protected readonly supplementNote = computed(() => {
    const ev = this.dossier.value()?.events ?? [];
    for (let i = ev.length - 1; i >= 0; i--) {
      if (ev[i].toStatus === 'supplement_requested') return ev[i].note;
    }
    return null;
  });

  protected readonly withdrawOpen = signal(false);
  protected readonly reason = signal('');
  protected readonly reasonError = signal<string | null>(null);
  protected readonly withdrawing = signal(false);
  protected readonly actionProblem = signal<Problem | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly resultBusy = signal(false);
  protected readonly resultProblem = signal<Problem | null>(null);

  /** The signed e-result (level 4 delivery), fetched with the citizen's token and saved. */
  protected downloadResult(): void {
    const d = this.dossier.value();
    if (!d?.result || this.resultBusy()) return;
    const fileName = d.result.fileName;
    this.resultBusy.set(true);
    this.resultProblem.set(null);
    this.api.result(d.id).subscribe({
      next: (res) => {
        this.resultBusy.set(false);
        if (res.body) saveBlob(res.body, fileNameFrom(res, fileName));
      },
      error: (e: unknown) => {
        this.resultBusy.set(false);
        this.resultProblem.set(toProblem(e));
      },
    });
  }

  protected eventTitle(e: DossierEventDto): string {
    return eventLabel(e);
  }

  protected statusLabel(s: DossierEventDto['toStatus']): string {
    return s ? DOSSIER_STATUS_LABELS[s] : '';
  }

  protected download(f: DossierFileView): void {
    if (!f.attachmentId) return;
    this.attachments.content(f.attachmentId).subscribe({
      next: (res) => res.body && saveBlob(res.body, fileNameFrom(res, f.fileName)),
      error: (e: unknown) => this.actionProblem.set(toProblem(e)),
    });
  }

  protected openWithdraw(): void {
    this.withdrawOpen.set(true);
    this.notice.set(null);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#withdraw-reason')?.focus(), {
      injector: this.injector,
    });
  }

  protected async withdraw(): Promise<void> {
    const reason = this.reason().trim();
    if (!reason) {
      this.reasonError.set('Vui lòng nêu lý do rút hồ sơ');
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.reasonError.set(null);
    const d = this.dossier.value();
    if (!d) return;
    const ok = await this.confirm().ask({
      heading: 'Gửi yêu cầu rút hồ sơ?',
      message: `Hồ sơ ${d.code} sẽ được chuyển cho cơ quan giải quyết để ghi nhận việc rút. Sau khi rút, hồ sơ không được tiếp tục giải quyết.`,
      confirmLabel: 'Gửi yêu cầu rút hồ sơ',
      danger: true,
    });
    if (!ok) return;
    this.withdrawing.set(true);
    this.actionProblem.set(null);
    this.api.requestWithdrawal(d.id, { reason }).subscribe({
      next: () => {
        this.withdrawing.set(false);
        this.withdrawOpen.set(false);
        this.reason.set('');
        this.notice.set('Đã gửi yêu cầu rút hồ sơ. Cơ quan giải quyết sẽ ghi nhận và thông báo cho bạn.');
        this.dossier.reload();
      },
      error: (e: unknown) => {
        this.withdrawing.set(false);
        this.actionProblem.set(toProblem(e));
      },
    });
  }

  protected supplemented(): void {
    this.notice.set('Đã gửi giấy tờ bổ sung. Hồ sơ được tiếp tục giải quyết.');
    this.dossier.reload();
  }
}
