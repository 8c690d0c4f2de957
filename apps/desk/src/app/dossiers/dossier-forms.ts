import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { DeskApi, loader, toProblem } from '@dvc/channel/api-client';
import { ProblemAlert } from '@dvc/channel/ui';
import type { DeskFormDto, Problem } from '@dvc/shared/contracts';
import { catchError, of } from 'rxjs';
import { openFormPdf } from './form-pdf';

/**
 * "Biểu mẫu": the one-stop forms that apply to the dossier (Mẫu 01 receipt, 02 supplement request,
 * 03 refusal, 04 apology, 05 control sheet), each to download or print as the API renders it.
 */
@Component({
  selector: 'dvc-dossier-forms',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProblemAlert],
  template: `
    @if (list().length) {
      <section class="card forms" aria-labelledby="forms-h" data-testid="forms">
        <h2 id="forms-h">Biểu mẫu</h2>
        <ul class="forms__list">
          @for (f of list(); track f.href) {
            <li class="form" [attr.data-form]="f.form">
              <span class="form__name">
                <strong>{{ f.label }}</strong> — {{ f.title }}
                @if (f.draft) {
                  <span class="tag tag--draft">Dự thảo</span>
                }
                @if (f.signed) {
                  <span class="tag tag--signed">Đã ký số</span>
                }
              </span>
              <span class="form__actions">
                <button
                  type="button"
                  class="btn btn-secondary btn-sm"
                  (click)="open(f, 'download')"
                  [disabled]="busy() === f.href"
                  [attr.data-testid]="'form-download-' + f.form"
                >
                  Tải PDF<span class="visually-hidden"> {{ f.label }} {{ f.title }}</span>
                </button>
                <button
                  type="button"
                  class="btn btn-secondary btn-sm"
                  (click)="open(f, 'print')"
                  [disabled]="busy() === f.href"
                  [attr.data-testid]="'form-print-' + f.form"
                >
                  In<span class="visually-hidden"> {{ f.label }} {{ f.title }}</span>
                </button>
              </span>
            </li>
          }
        </ul>
        <dvc-problem-alert [problem]="problem()" />
        <p class="visually-hidden" role="status">{{ busy() ? 'Đang tải biểu mẫu…' : '' }}</p>
      </section>
    }
  `,
  styles: `
    .forms {
      margin-bottom: 1.5rem;
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.125rem;
    }
    .forms__list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .form {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--dvc-border);
    }
    .form:last-child {
      border-bottom: 0;
    }
    .form__name {
      flex: 1 1 18rem;
    }
    .form__actions {
      display: flex;
      gap: 0.5rem;
    }
    .tag {
      display: inline-block;
      margin-left: 0.5rem;
      padding: 0 0.375rem;
      border-radius: var(--dvc-radius);
      font-size: 0.8125rem;
      font-weight: 600;
    }
    .tag--draft {
      color: #7a4100;
      border: 1px solid #7a4100;
    }
    .tag--signed {
      color: var(--dvc-success);
      border: 1px solid var(--dvc-success);
    }
  `,
})
export class DossierForms {
  readonly dossierId = input.required<string>();
  /** Changes whenever the dossier's history does (actions, apology letters), so the list is reloaded. */
  readonly version = input<number>(0);
  private readonly api = inject(DeskApi);
  protected readonly data = loader(
    () => ({ id: this.dossierId(), v: this.version() }),
    ({ id }) => this.api.forms(id).pipe(catchError(() => of([] as DeskFormDto[]))),
  );
  protected readonly list = computed(() => this.data.value() ?? []);
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  protected open(f: DeskFormDto, how: 'download' | 'print'): void {
    this.busy.set(f.href);
    this.problem.set(null);
    openFormPdf(this.api, f.href, how).subscribe({
      next: () => this.busy.set(null),
      error: (e: unknown) => {
        this.busy.set(null);
        this.problem.set(toProblem(e));
      },
    });
  }
}
