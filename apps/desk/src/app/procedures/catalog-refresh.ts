import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AdminCatalogApi, loader, toProblem } from '@dvc/channel/api-client';
import { Alert, DateTimePipe, EmptyState, Loading, ProblemAlert } from '@dvc/channel/ui';
import type { CatalogFeedRunDto, CatalogFeedRunItem, Problem } from '@dvc/shared/contracts';

const STATUS: Record<CatalogFeedRunDto['status'], string> = { running: 'Đang chạy', done: 'Hoàn tất', failed: 'Lỗi' };
const OUTCOME: Record<CatalogFeedRunItem['outcome'], string> = { created: 'Thủ tục mới', updated: 'Bản nháp mới', failed: 'Lỗi' };

/**
 * "Cập nhật từ Cổng DVC quốc gia": runs the refresh of the catalog from the national portal's
 * catalog feed, lists the recent runs, and links the drafts of the latest one for review.
 */
@Component({
  selector: 'dvc-catalog-refresh',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Alert, DateTimePipe, EmptyState, Loading, ProblemAlert],
  template: `
    <section class="card" aria-labelledby="refresh-title" data-testid="catalog-refresh">
      <h2 id="refresh-title">Cập nhật từ Cổng DVC quốc gia</h2>
      <p>
        Lấy danh mục thủ tục hành chính trên Cổng Dịch vụ công quốc gia (tự động hằng ngày, hoặc ngay bây giờ).
        Thủ tục chưa có được tạo mới và thủ tục có nội dung thay đổi được tạo bản nháp mới; không có gì được công
        bố tự động: hãy rà soát từng bản nháp rồi công bố. Biểu mẫu điện tử và đơn vị thực hiện của địa phương
        được giữ nguyên.
      </p>
      <button type="button" class="btn btn-primary" (click)="refresh()" [disabled]="running()" data-testid="refresh-submit">
        {{ running() ? 'Đang cập nhật…' : 'Cập nhật từ Cổng DVC quốc gia' }}
      </button>
      <dvc-problem-alert [problem]="problem()" />
      @if (notice(); as n) {
        <dvc-alert [tone]="n.tone" data-testid="refresh-notice">{{ n.text }}</dvc-alert>
      }

      @if (latest(); as run) {
        @if (run.items.length) {
          <h3>Kết quả lượt {{ run.startedAt | viDateTime }}</h3>
          <div class="table-wrap" role="region" aria-label="Thủ tục của lượt cập nhật gần nhất" tabindex="0">
            <table class="table table-stack" data-testid="refresh-items">
              <thead>
                <tr>
                  <th scope="col">Mã thủ tục</th>
                  <th scope="col">Kết quả</th>
                  <th scope="col">Nội dung</th>
                  <th scope="col"><span class="visually-hidden">Thao tác</span></th>
                </tr>
              </thead>
              <tbody>
                @for (i of run.items; track $index) {
                  <tr [attr.data-code]="i.code">
                    <th scope="row" class="nowrap">{{ i.code }}</th>
                    <td data-label="Kết quả" class="nowrap">{{ outcome(i) }}</td>
                    <td data-label="Nội dung">
                      {{ i.name }}
                      @if (i.message) {
                        <div class="err">{{ i.message }}</div>
                      }
                      @for (n of i.notes ?? []; track $index) {
                        <div class="muted small">{{ n }}</div>
                      }
                    </td>
                    <td class="nowrap">
                      @if (i.procedureId && i.versionId) {
                        <a [routerLink]="['/thu-tuc', i.procedureId, 'phien-ban', i.versionId]" data-testid="review-draft">
                          Rà soát bản nháp phiên bản {{ i.version }}
                        </a>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }

      <h3>Các lượt gần đây</h3>
      @if (runs.problem(); as p) {
        <dvc-problem-alert [problem]="p" [autoFocus]="false" />
      } @else if (runs.value(); as list) {
        @if (list.length) {
          <div class="table-wrap" role="region" aria-label="Các lượt cập nhật gần đây" tabindex="0">
            <table class="table table-stack" data-testid="refresh-runs">
              <thead>
                <tr>
                  <th scope="col">Bắt đầu</th>
                  <th scope="col">Khởi chạy</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col" class="num">Tạo mới</th>
                  <th scope="col" class="num">Bản nháp mới</th>
                  <th scope="col" class="num">Không đổi</th>
                  <th scope="col" class="num">Lỗi</th>
                </tr>
              </thead>
              <tbody>
                @for (r of list; track r.id) {
                  <tr>
                    <th scope="row" class="nowrap">{{ r.startedAt | viDateTime }}</th>
                    <td data-label="Khởi chạy">{{ r.trigger === 'schedule' ? 'Tự động hằng ngày' : 'Quản trị viên' }}</td>
                    <td data-label="Trạng thái">
                      {{ status(r) }}
                      @if (r.error) {
                        <div class="err">{{ r.error }}</div>
                      }
                    </td>
                    <td data-label="Tạo mới" class="num">{{ r.created }}</td>
                    <td data-label="Bản nháp mới" class="num">{{ r.updated }}</td>
                    <td data-label="Không đổi" class="num">{{ r.unchanged }}</td>
                    <td data-label="Lỗi" class="num">{{ r.failed }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <dvc-empty-state heading="Chưa có lượt cập nhật nào." />
        }
      } @else {
        <dvc-loading />
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 1rem;
    }
    h2 {
      margin-top: 0;
    }
    h3 {
      margin: 1rem 0 0.25rem;
    }
    .err {
      color: var(--dvc-danger-ink);
      overflow-wrap: anywhere;
    }
  `,
})
export class CatalogRefresh {
  private readonly api = inject(AdminCatalogApi);

  protected readonly runs = loader(
    () => true,
    () => this.api.catalogRefreshRuns(5),
  );
  protected readonly running = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly last = signal<CatalogFeedRunDto | null>(null);
  /** The run just made, else the newest one recorded (the daily job's). */
  protected readonly latest = computed(() => this.last() ?? this.runs.value()?.[0] ?? null);
  protected readonly notice = computed(() => {
    const r = this.last();
    if (!r) return null;
    if (r.status === 'failed') return { tone: 'danger' as const, text: `Không cập nhật được: ${r.error ?? 'lỗi không rõ'}. Danh mục không thay đổi.` };
    return {
      tone: r.failed ? ('warning' as const) : ('success' as const),
      text: `Đã cập nhật: ${r.created} thủ tục mới, ${r.updated} bản nháp mới, ${r.unchanged} không đổi, ${r.failed} lỗi.`,
    };
  });

  protected refresh(): void {
    this.running.set(true);
    this.problem.set(null);
    this.api.refreshFromNationalPortal().subscribe({
      next: (r) => {
        this.running.set(false);
        this.last.set(r);
        this.runs.reload();
      },
      error: (e: unknown) => {
        this.running.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }

  protected status(r: CatalogFeedRunDto): string {
    return STATUS[r.status];
  }

  protected outcome(i: CatalogFeedRunItem): string {
    return OUTCOME[i.outcome];
  }
}
