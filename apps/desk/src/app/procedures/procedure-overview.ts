import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AdminCatalogApi, loader, toProblem } from '@dvc/channel/api-client';
import {
  Alert,
  ConfirmDialog,
  DateTimePipe,
  Loading,
  PageHeader,
  ProblemAlert,
  StatusBadge,
} from '@dvc/channel/ui';
import { PROCEDURE_LEVEL_LABELS, Problem, ProcedureVersionDto } from '@dvc/shared/contracts';
import { Observable } from 'rxjs';
import { draftVersion, procedureName, versionsDesc } from './procedure-view';

/** One procedure with its versions and the version actions (`/thu-tuc/:id`). */
@Component({
  selector: 'dvc-procedure-overview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Alert, Loading, StatusBadge, ConfirmDialog, DateTimePipe],
  templateUrl: './procedure-overview.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }
    .version-name {
      min-width: 14rem;
    }
    .facts-card {
      margin-bottom: 1.5rem;
    }
  `,
})
export class ProcedureOverview {
  readonly id = input.required<string>();
  private readonly api = inject(AdminCatalogApi);
  private readonly router = inject(Router);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly procedure = loader(
    () => this.id(),
    (id) => this.api.get(id),
  );
  protected readonly levelLabels = PROCEDURE_LEVEL_LABELS;
  protected readonly name = computed(() => {
    const p = this.procedure.value();
    return p ? procedureName(p) : 'Chi tiết thủ tục';
  });
  protected readonly versions = computed(() => {
    const p = this.procedure.value();
    return p ? versionsDesc(p) : [];
  });
  protected readonly draft = computed(() => {
    const p = this.procedure.value();
    return p ? draftVersion(p) : undefined;
  });

  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  /** Success message, also carried over from the editor through navigation state. */
  protected readonly notice = signal<string | null>(
    (history.state as { notice?: string } | null)?.notice ?? null,
  );

  protected createVersion(): void {
    this.run(this.api.createVersion(this.id()), (v) => {
      void this.router.navigate(['/thu-tuc', this.id(), 'phien-ban', v.id], {
        state: { notice: `Đã tạo phiên bản ${v.version} (bản nháp) từ phiên bản gần nhất.` },
      });
    });
  }

  protected async publish(v: ProcedureVersionDto): Promise<void> {
    const ok = await this.confirm().ask({
      heading: `Công bố phiên bản ${v.version}?`,
      message:
        'Phiên bản này sẽ được áp dụng và hiển thị trên Cổng Dịch vụ công. Phiên bản đang áp dụng (nếu có) sẽ chuyển sang trạng thái Ngừng áp dụng.',
      confirmLabel: 'Công bố',
      danger: false,
    });
    if (!ok) return;
    this.run(this.api.publish(v.id), (r) => this.done(`Đã công bố phiên bản ${r.version}.`));
  }

  protected async retire(v: ProcedureVersionDto): Promise<void> {
    const ok = await this.confirm().ask({
      heading: `Ngừng áp dụng phiên bản ${v.version}?`,
      message:
        'Thủ tục sẽ không còn hiển thị trên Cổng Dịch vụ công cho đến khi một phiên bản khác được công bố.',
      confirmLabel: 'Ngừng áp dụng',
      danger: true,
    });
    if (!ok) return;
    this.run(this.api.retire(v.id), (r) => this.done(`Đã ngừng áp dụng phiên bản ${r.version}.`));
  }

  private done(message: string): void {
    this.notice.set(message);
    this.procedure.reload();
  }

  private run<T>(call: Observable<T>, next: (value: T) => void): void {
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        next(value);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }
}
