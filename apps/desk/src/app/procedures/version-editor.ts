import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { AdminCatalogApi, CatalogApi, loader, toProblem } from '@dvc/channel/api-client';
import {
  Alert,
  ConfirmDialog,
  DateTimePipe,
  Loading,
  PageHeader,
  ProblemAlert,
  StatusBadge,
} from '@dvc/channel/ui';
import type { AdminProcedureDto, Problem, ProcedureVersionDto } from '@dvc/shared/contracts';
import { catchError, of } from 'rxjs';
import { contentForm, readContent } from './content-form';
import { procedureName } from './procedure-view';
import { VersionContentFields } from './version-content-fields';

/**
 * Editor of one version (`/thu-tuc/:id/phien-ban/:versionId`). Drafts are editable and saved with
 * their rowVersion (optimistic concurrency: a stale save gets 409 STALE_VERSION); other versions
 * are shown read-only.
 */
@Component({
  selector: 'dvc-version-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    PageHeader,
    ProblemAlert,
    Alert,
    Loading,
    StatusBadge,
    ConfirmDialog,
    DateTimePipe,
    VersionContentFields,
  ],
  templateUrl: './version-editor.html',
  styles: `
    .status-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin: 0.5rem 0 0;
    }
    .sticky-actions {
      position: sticky;
      bottom: 0;
      z-index: 5;
      background: rgba(240, 243, 247, 0.97);
      border-top: 1px solid var(--dvc-border);
      padding: 0.75rem 0;
      margin-top: 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .dirty-note {
      color: var(--dvc-ink-muted);
      font-size: 0.9375rem;
    }
  `,
})
export class VersionEditor {
  readonly id = input.required<string>();
  readonly versionId = input.required<string>();
  private readonly api = inject(AdminCatalogApi);
  private readonly catalog = inject(CatalogApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly procedure = loader(
    () => this.id(),
    (id) => this.api.get(id),
  );
  protected readonly agencies = toSignal(this.catalog.agencies().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly name = computed(() => {
    const p = this.procedure.value();
    return p ? procedureName(p) : '';
  });
  protected readonly version = computed(() =>
    this.procedure.value()?.versions.find((v) => v.id === this.versionId()),
  );
  protected readonly notFound = computed(() => !!this.procedure.value() && !this.version());
  protected readonly isDraft = computed(() => this.version()?.status === 'draft');
  /** A fresh form whenever the loaded version (or its rowVersion after a save) changes. */
  protected readonly form = computed(() => {
    const v = this.version();
    return v ? contentForm(this.fb, v, v.status !== 'draft') : null;
  });

  protected readonly saving = signal(false);
  protected readonly attempted = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly notice = signal<string | null>(
    (history.state as { notice?: string } | null)?.notice ?? null,
  );

  protected save(): void {
    const form = this.form();
    const v = this.version();
    if (!form || !v || !this.isDraft()) return;
    this.attempted.set(true);
    this.problem.set(null);
    this.notice.set(null);
    if (form.invalid) {
      form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.saving.set(true);
    this.api.updateVersion(v.id, { rowVersion: v.rowVersion, content: readContent(form) }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.attempted.set(false);
        this.replaceVersion(saved);
        this.notice.set(`Đã lưu bản nháp phiên bản ${saved.version}.`);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }

  protected async publish(): Promise<void> {
    const v = this.version();
    if (!v || !this.isDraft()) return;
    const ok = await this.confirm().ask({
      heading: `Công bố phiên bản ${v.version}?`,
      message:
        'Phiên bản này sẽ được áp dụng và hiển thị trên Cổng Dịch vụ công. Phiên bản đang áp dụng (nếu có) sẽ chuyển sang trạng thái Ngừng áp dụng.',
      confirmLabel: 'Công bố',
    });
    if (!ok) return;
    this.saving.set(true);
    this.problem.set(null);
    this.api.publish(v.id).subscribe({
      next: (r) =>
        void this.router.navigate(['/thu-tuc', this.id()], {
          state: { notice: `Đã công bố phiên bản ${r.version}.` },
        }),
      error: (e: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }

  /** After a 409 STALE_VERSION: drop local edits and load what is on the server. */
  protected reload(): void {
    this.problem.set(null);
    this.notice.set(null);
    this.procedure.reload();
  }

  private replaceVersion(saved: ProcedureVersionDto): void {
    const p = this.procedure.value();
    if (!p) return;
    const next: AdminProcedureDto = {
      ...p,
      versions: p.versions.map((x) => (x.id === saved.id ? saved : x)),
    };
    this.procedure.set(next);
  }
}
