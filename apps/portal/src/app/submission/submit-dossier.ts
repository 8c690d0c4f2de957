import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { Eform, EformFieldError, validateEform } from '@dvc/channel/eform';
import {
  Alert,
  ConfirmDialog,
  DateTimePipe,
  Loading,
  PageHeader,
  ProblemAlert,
  Stepper,
  StepperStep,
  TimeLimitPipe,
  VndPipe,
  formatDateTime,
} from '@dvc/channel/ui';
import { SubmissionStore } from './submission-store';
import { SubmitDocuments } from './submit-documents';
import { SubmitReview } from './submit-review';

const STEPS: readonly (StepperStep & { title: string })[] = [
  { key: 'co-quan', label: 'Cơ quan tiếp nhận', title: 'Bước 1. Chọn cơ quan tiếp nhận hồ sơ' },
  { key: 'to-khai', label: 'Tờ khai', title: 'Bước 2. Kê khai tờ khai điện tử' },
  { key: 'giay-to', label: 'Giấy tờ', title: 'Bước 3. Đính kèm thành phần hồ sơ' },
  { key: 'xem-lai', label: 'Xem lại và nộp', title: 'Bước 4. Xem lại và nộp hồ sơ' },
];

/** Which step shows an API field error: the agency, an attachment, or (by default) the e-form. */
function stepOfField(field: string): number {
  if (/^\/?receivingAgencyCode/.test(field)) return 0;
  if (/^\/?(attachments|documents)\b/.test(field)) return 2;
  if (/^\/?(procedureCode|Idempotency-Key)/.test(field)) return 3;
  return 1;
}

/**
 * `/nop-ho-so/:code` — online submission in four steps: receiving agency, e-form (rendered from the
 * version's JSON Schema), documents, review. Saved as a server-side draft as the citizen goes.
 */
@Component({
  selector: 'dvc-submit-dossier',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    PageHeader,
    ProblemAlert,
    Alert,
    Loading,
    Stepper,
    Eform,
    SubmitDocuments,
    SubmitReview,
    ConfirmDialog,
    DateTimePipe,
    TimeLimitPipe,
    VndPipe,
  ],
  providers: [SubmissionStore],
  templateUrl: './submit-dossier.html',
  styleUrl: './submit-dossier.css',
  host: { '(window:beforeunload)': 'beforeUnload($event)' },
})
export class SubmitDossier {
  readonly code = input.required<string>();
  protected readonly store = inject(SubmissionStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly steps = STEPS;
  protected readonly step = signal(0);
  protected readonly reached = signal(0);
  protected readonly agencyError = signal<string | null>(null);
  protected readonly documentsTried = signal(false);
  protected readonly declared = signal(false);
  protected readonly declarationError = signal<string | null>(null);
  private readonly eform = viewChild(Eform);
  private readonly stepTitle = viewChild<ElementRef<HTMLElement>>('stepTitle');
  private readonly discardDialog = viewChild.required<ConfirmDialog>('discardDialog');

  /** API field errors of the last submission, for the e-form's controls. */
  protected readonly formErrors = computed<EformFieldError[]>(() =>
    (this.store.submitProblem()?.errors ?? []).filter((e) => stepOfField(e.field) === 1),
  );
  protected readonly saveText = computed(() => {
    const s = this.store.saveState();
    switch (s.state) {
      case 'saving':
        return 'Đang lưu nháp…';
      case 'saved':
        return `Đã lưu nháp lúc ${formatDateTime(s.at).slice(0, 5)}`;
      case 'error':
        return `Chưa lưu được bản nháp (${s.problem.title})`;
      default:
        return '';
    }
  });

  private readonly loadOnCode = effect(() => {
    const code = this.code();
    untracked(() => this.store.load(code));
  });

  /** Start where the draft left off: after the agency when one was chosen. */
  private readonly resumeStep = effect(() => {
    if (this.store.loading() || !this.store.resumedFrom()) return;
    untracked(() => {
      if (this.store.agencyCode() && this.step() === 0) {
        this.reached.set(Math.max(this.reached(), 1));
      }
    });
  });

  protected beforeUnload(e: BeforeUnloadEvent): void {
    if (this.store.uploading() || this.store.isDirty()) {
      this.store.saveDraft();
      e.preventDefault();
    }
  }

  protected chooseAgency(code: string): void {
    this.store.setAgency(code);
    this.agencyError.set(null);
  }

  protected goTo(index: number): void {
    if (index < 0 || index >= STEPS.length) return;
    this.step.set(index);
    this.reached.update((r) => Math.max(r, index));
    afterNextRender(
      () => {
        const title = this.stepTitle()?.nativeElement;
        title?.focus({ preventScroll: true });
        title?.scrollIntoView({ block: 'start', behavior: 'auto' });
      },
      { injector: this.injector },
    );
  }

  /** Whether step `index` is complete (nothing shown). */
  private validStep(index: number): boolean {
    switch (index) {
      case 0:
        return !!this.store.agencyCode();
      case 1:
        return Object.keys(validateEform(this.store.schema(), this.store.formData())).length === 0;
      case 2:
        return !this.store.uploading() && this.store.missingDocuments().length === 0;
      default:
        return true;
    }
  }

  /** Shows the errors of the step on screen and moves focus to the first one. */
  private showStepErrors(index: number): void {
    switch (index) {
      case 0:
        this.agencyError.set('Vui lòng chọn cơ quan tiếp nhận hồ sơ');
        focusFirstInvalid(this.host.nativeElement, this.injector);
        break;
      case 1:
        this.eform()?.validate();
        break;
      case 2:
        this.documentsTried.set(true);
        focusFirstInvalid(this.host.nativeElement, this.injector, '[data-uploading="true"] button');
        break;
    }
  }

  /** Checks steps `from`..`to - 1`; stops at the first incomplete one, showing its errors. */
  private passSteps(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      if (this.validStep(i)) continue;
      if (i === this.step()) this.showStepErrors(i);
      else {
        this.goTo(i);
        afterNextRender(() => this.showStepErrors(i), { injector: this.injector });
      }
      return false;
    }
    return true;
  }

  protected next(): void {
    const i = this.step();
    if (this.passSteps(i, i + 1)) this.goTo(i + 1);
  }

  protected back(): void {
    this.goTo(this.step() - 1);
  }

  protected select(index: number): void {
    // Going forward still passes through each step's checks.
    if (index <= this.step() || this.passSteps(this.step(), index)) this.goTo(index);
  }

  protected setDeclared(v: boolean): void {
    this.declared.set(v);
    if (v) this.declarationError.set(null);
  }

  protected submit(): void {
    if (this.store.submitting()) return;
    // Every step again: the draft may have been resumed straight at the review.
    if (!this.passSteps(0, 3)) return;
    if (!this.declared()) {
      this.declarationError.set('Vui lòng xác nhận lời cam đoan trước khi nộp hồ sơ');
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.store.submit().subscribe({
      next: (d) => void this.router.navigate(['/ho-so-cua-toi', d.id, 'da-nop'], { replaceUrl: true }),
      error: () => {
        const errors = this.store.submitProblem()?.errors ?? [];
        if (!errors.length) return;
        const first = Math.min(...errors.map((e) => stepOfField(e.field)));
        if (first === 3) return;
        this.goTo(first);
        if (first === 0)
          this.agencyError.set(errors.find((e) => stepOfField(e.field) === 0)?.message ?? null);
        if (first === 1) afterNextRender(() => this.eform()?.focusFirstError(), { injector: this.injector });
        if (first === 2) this.documentsTried.set(true);
      },
    });
  }

  protected async discard(): Promise<void> {
    const ok = await this.discardDialog().ask();
    if (!ok) return;
    this.store.discardDraft().subscribe({
      next: () => {
        this.eform()?.reset();
        this.declared.set(false);
        this.reached.set(0);
        this.goTo(0);
      },
    });
  }

  protected attachmentErrors(): string[] {
    return (this.store.submitProblem()?.errors ?? [])
      .filter((e) => stepOfField(e.field) === 2)
      .map((e) => e.message);
  }
}
