import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DeskApi, DeskOverdueQuery, loader, toProblem } from '@dvc/channel/api-client';
import {
  DateTimePipe,
  DossierStatusBadge,
  EmptyState,
  Loading,
  PageHeader,
  ProblemAlert,
} from '@dvc/channel/ui';
import type { OverdueItemDto, Problem } from '@dvc/shared/contracts';

const PAGE_SIZE = 50;

/** Overdue board (`/qua-han`): late dossiers of my units, most late first, with their apology letter (Mẫu 04). */
@Component({
  selector: 'dvc-overdue-board',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Loading, EmptyState, DossierStatusBadge, DateTimePipe],
  template: `
    <div class="container container--wide">
      <dvc-page-header
        heading="Hồ sơ quá hạn"
        lead="Hồ sơ đã quá hạn trả kết quả hoặc quá hạn ở bước đang xử lý. Với hồ sơ quá hạn, đơn vị gửi phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)."
      />
      @if (first.problem(); as p) {
        <dvc-problem-alert [problem]="p" [autoFocus]="false" />
      } @else if (first.value() === undefined) {
        <dvc-loading />
      } @else if (rows().length) {
        <p class="count" role="status">{{ rows().length }} hồ sơ quá hạn{{ next() ? ' (còn nữa)' : '' }}</p>
        <div class="table-wrap" role="region" aria-label="Hồ sơ quá hạn" tabindex="0">
          <table class="table table-stack" data-testid="overdue-table">
            <thead>
              <tr>
                <th scope="col">Mã hồ sơ</th>
                <th scope="col">Thủ tục</th>
                <th scope="col">Người nộp</th>
                <th scope="col">Đang ở</th>
                <th scope="col">Hạn trả kết quả</th>
                <th scope="col" class="num">Số ngày trễ</th>
                <th scope="col">Phiếu xin lỗi</th>
              </tr>
            </thead>
            <tbody>
              @for (d of rows(); track d.id) {
                <tr [attr.data-code]="d.code">
                  <th scope="row" class="nowrap">
                    <a [routerLink]="['/ho-so', d.id]" data-testid="overdue-link">{{ d.code }}</a>
                  </th>
                  <td data-label="Thủ tục" class="proc">{{ d.procedure.name }}</td>
                  <td data-label="Người nộp">{{ d.applicantName }}</td>
                  <td data-label="Đang ở">
                    {{ d.step.name }} — {{ d.currentUnit.name }}
                    @if (d.assignee) {
                      <span class="muted small">{{ d.assignee.fullName }}</span>
                    }
                    <dvc-dossier-status-badge [status]="d.status" [statusLabel]="d.statusLabel" />
                  </td>
                  <td data-label="Hạn trả kết quả" class="nowrap">
                    {{ d.dueAt | viDateTime }}
                    @if (d.stepDueAt) {
                      <span class="muted small">Hạn bước: {{ d.stepDueAt | viDateTime }}</span>
                    }
                  </td>
                  <td data-label="Số ngày trễ" class="num late">{{ d.daysLate }}</td>
                  <td data-label="Phiếu xin lỗi">
                    @if (d.apology?.status === 'issued') {
                      <span class="ok">✓ Đã gửi</span>
                    } @else if (d.apology) {
                      <span class="warn">Dự thảo, chưa gửi</span>
                    } @else {
                      <span class="muted">Chưa có</span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <dvc-problem-alert [problem]="moreProblem()" />
        @if (next()) {
          <div class="more">
            <button type="button" class="btn btn-secondary" (click)="loadMore()" [disabled]="loadingMore()">
              {{ loadingMore() ? 'Đang tải…' : 'Xem thêm' }}
            </button>
          </div>
        }
      } @else {
        <dvc-empty-state heading="Không có hồ sơ quá hạn." data-testid="overdue-empty">
          <p>Các hồ sơ của đơn vị đều đang trong hạn.</p>
        </dvc-empty-state>
      }
    </div>
  `,
  styles: `
    .count {
      margin: 0 0 0.5rem;
    }
    .proc {
      min-width: 12rem;
    }
    .small {
      display: block;
      font-size: 0.8125rem;
    }
    .late {
      color: var(--dvc-danger-ink);
      font-weight: 700;
    }
    .ok {
      color: var(--dvc-success);
      font-weight: 600;
    }
    .warn {
      color: #7a4100;
      font-weight: 600;
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 1rem;
    }
  `,
})
export class OverdueBoard {
  private readonly api = inject(DeskApi);
  private readonly query = signal<DeskOverdueQuery>({ limit: PAGE_SIZE });
  protected readonly first = loader(
    () => this.query(),
    (q) => this.api.overdue(q),
  );
  private readonly more = linkedSignal<
    DeskOverdueQuery,
    { items: OverdueItemDto[]; next: string | null | undefined }
  >({
    source: this.query,
    computation: () => ({ items: [], next: undefined }),
  });
  protected readonly rows = computed(() => [...(this.first.value()?.items ?? []), ...this.more().items]);
  protected readonly next = computed(() => {
    const m = this.more();
    return m.next !== undefined ? m.next : (this.first.value()?.nextCursor ?? null);
  });
  protected readonly loadingMore = signal(false);
  protected readonly moreProblem = signal<Problem | null>(null);

  protected loadMore(): void {
    const after = this.next();
    if (!after) return;
    this.loadingMore.set(true);
    this.moreProblem.set(null);
    this.api.overdue({ ...this.query(), after }).subscribe({
      next: (page) => {
        this.more.update((m) => ({ items: [...m.items, ...page.items], next: page.nextCursor }));
        this.loadingMore.set(false);
      },
      error: (e: unknown) => {
        this.loadingMore.set(false);
        this.moreProblem.set(toProblem(e));
      },
    });
  }
}
