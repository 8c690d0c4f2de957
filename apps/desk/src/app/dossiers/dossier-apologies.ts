import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AuthStore, DeskApi, loader, toProblem } from '@dvc/channel/api-client';
import { DateTimePipe, ProblemAlert } from '@dvc/channel/ui';
import type { ApologyLetterDto, Problem } from '@dvc/shared/contracts';
import { catchError, of } from 'rxjs';
import { openFormPdf } from './form-pdf';

const pad = (n: number) => String(n).padStart(2, '0');
/** ISO instant → value of `<input type="datetime-local">` in Vietnam time (UTC+7), like every date of the desk. */
function toLocalInput(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
/** `<input type="datetime-local">` value (Vietnam time) → ISO instant. */
const fromLocalInput = (value: string) => new Date(`${value}:00+07:00`).toISOString();

/**
 * Mẫu 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả) of an overdue dossier: the SLA job drafts it;
 * a leader or intake officer of the holding unit writes the real reason, may move the new date, and issues it.
 */
@Component({
  selector: 'dvc-dossier-apologies',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProblemAlert, DateTimePipe],
  template: `
    @if (list().length) {
      <section class="card apologies" aria-labelledby="apology-h" data-testid="apologies">
        <h2 id="apology-h">Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</h2>
        @for (a of list(); track a.id) {
          <div class="apology" [attr.data-status]="a.status">
            @if (a.status === 'issued') {
              <p>
                <strong class="ok">✓ Đã gửi</strong> lúc {{ a.issuedAt | viDateTime }}
                @if (a.issuedBy) {
                  bởi {{ a.issuedBy.fullName }}
                }
                — hẹn lại ngày trả kết quả: <strong>{{ a.proposedDueAt | viDateTime }}</strong> (hạn cũ
                {{ a.originalDueAt | viDateTime }}).
              </p>
              <p class="pre-line muted">{{ a.reason }}</p>
            } @else {
              <p>
                <strong class="warn">Dự thảo chưa gửi</strong> (lập lúc {{ a.createdAt | viDateTime }}). Hạn
                cũ: {{ a.originalDueAt | viDateTime }}.
              </p>
              @if (canIssue()) {
                <form (submit)="issue($event, a, reason.value, due.value)" novalidate>
                  <dvc-problem-alert [problem]="problem()" />
                  <div class="form-field">
                    <label [for]="'apo-reason-' + a.id"
                      >Lý do quá hạn <span class="req" aria-hidden="true">*</span></label
                    >
                    <textarea
                      #reason
                      class="textarea"
                      rows="3"
                      [id]="'apo-reason-' + a.id"
                      maxlength="4000"
                      [attr.aria-invalid]="tried() && !reason.value.trim()"
                    ></textarea>
                    @if (tried() && !reason.value.trim()) {
                      <p class="form-error">Vui lòng nêu lý do quá hạn</p>
                    }
                  </div>
                  <div class="form-field due">
                    <label [for]="'apo-due-' + a.id">Hẹn lại ngày trả kết quả (giờ Việt Nam)</label>
                    <input
                      #due
                      class="input"
                      type="datetime-local"
                      [id]="'apo-due-' + a.id"
                      [value]="local(a.proposedDueAt)"
                    />
                  </div>
                  <button type="submit" class="btn btn-primary" [disabled]="busy()">
                    {{ busy() ? 'Đang gửi…' : 'Gửi phiếu xin lỗi' }}
                  </button>
                </form>
              }
            }
            <p class="pdf">
              <button
                type="button"
                class="btn btn-secondary btn-sm"
                (click)="pdf(a, 'download')"
                [disabled]="pdfBusy() === a.id"
                data-testid="apology-pdf"
              >
                Tải PDF Mẫu 04{{ a.status === 'draft' ? ' (dự thảo)' : '' }}
              </button>
              <button
                type="button"
                class="btn btn-secondary btn-sm"
                (click)="pdf(a, 'print')"
                [disabled]="pdfBusy() === a.id"
              >
                In<span class="visually-hidden"> Mẫu 04{{ a.status === 'draft' ? ' (dự thảo)' : '' }}</span>
              </button>
            </p>
            <dvc-problem-alert [problem]="pdfProblem()?.id === a.id ? pdfProblem()!.problem : null" />
          </div>
        }
      </section>
    }
  `,
  styles: `
    .apologies {
      margin-bottom: 1.5rem;
      border-left: 6px solid var(--dvc-warning);
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.125rem;
    }
    .apology + .apology {
      border-top: 1px solid var(--dvc-border);
      padding-top: 0.75rem;
    }
    .req {
      color: var(--dvc-danger);
    }
    .due {
      max-width: 18rem;
    }
    .ok {
      color: var(--dvc-success);
    }
    .pdf {
      display: flex;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
    .warn {
      color: #7a4100;
    }
  `,
})
export class DossierApologies {
  readonly dossierId = input.required<string>();
  /** Changes whenever the dossier does, so the list is reloaded. */
  readonly version = input<number>(0);
  readonly issued = output<ApologyLetterDto>();
  private readonly api = inject(DeskApi);
  private readonly store = inject(AuthStore);
  protected readonly canIssue = computed(() => this.store.hasAnyRole('leader', 'intake_officer'));
  protected readonly data = loader(
    () => ({ id: this.dossierId(), v: this.version() }),
    ({ id }) => this.api.apologies(id).pipe(catchError(() => of([] as ApologyLetterDto[]))),
  );
  protected readonly list = computed(() => this.data.value() ?? []);
  protected readonly busy = signal(false);
  protected readonly tried = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly local = toLocalInput;
  protected readonly pdfBusy = signal<string | null>(null);
  protected readonly pdfProblem = signal<{ id: string; problem: Problem } | null>(null);

  /** The letter as Mẫu 04 PDF (a draft is printed as such, unsigned). */
  protected pdf(a: ApologyLetterDto, how: 'download' | 'print'): void {
    this.pdfBusy.set(a.id);
    this.pdfProblem.set(null);
    const href = `desk/dossiers/${encodeURIComponent(this.dossierId())}/forms/mau-04?apologyId=${encodeURIComponent(a.id)}`;
    openFormPdf(this.api, href, how).subscribe({
      next: () => this.pdfBusy.set(null),
      error: (e: unknown) => {
        this.pdfBusy.set(null);
        this.pdfProblem.set({ id: a.id, problem: toProblem(e) });
      },
    });
  }

  protected issue(e: Event, a: ApologyLetterDto, reason: string, due: string): void {
    e.preventDefault();
    this.tried.set(true);
    if (!reason.trim() || this.busy()) return;
    const proposed = due ? fromLocalInput(due) : undefined;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .issueApology(this.dossierId(), a.id, {
        reason: reason.trim(),
        ...(proposed && due !== toLocalInput(a.proposedDueAt) ? { proposedDueAt: proposed } : {}),
      })
      .subscribe({
        next: (issued) => {
          this.busy.set(false);
          this.tried.set(false);
          this.data.set(this.list().map((x) => (x.id === issued.id ? issued : x)));
          this.issued.emit(issued);
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.problem.set(toProblem(err));
        },
      });
  }
}
