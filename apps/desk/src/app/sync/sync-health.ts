import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { SyncAdminApi, SyncDeadLetterDto, loader, toProblem } from '@dvc/channel/api-client';
import {
  Alert,
  ConfirmDialog,
  DateTimePipe,
  DossierStatusBadge,
  EmptyState,
  Loading,
  PageHeader,
  ProblemAlert,
} from '@dvc/channel/ui';
import type { Problem } from '@dvc/shared/contracts';

/** Seconds as a short Vietnamese duration. */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} giây`;
  if (s < 3600) return `${Math.floor(s / 60)} phút ${s % 60} giây`;
  return `${Math.floor(s / 3600)} giờ ${Math.floor((s % 3600) / 60)} phút`;
}

/** Sync-health panel (`/dong-bo`, system_admin): outbox backlog, lag, retries, dead letters and replay. */
@Component({
  selector: 'dvc-sync-health',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, ProblemAlert, Loading, EmptyState, Alert, ConfirmDialog, DossierStatusBadge, DateTimePipe],
  template: `
    <div class="container container--wide">
      <dvc-page-header
        heading="Đồng bộ Cổng Dịch vụ công quốc gia"
        lead="Tình trạng gửi trạng thái hồ sơ lên Cổng DVCQG: tồn đọng, độ trễ, số lần thử lại và các hồ sơ đồng bộ lỗi."
      />
      <div class="toolbar">
        <button type="button" class="btn btn-secondary" (click)="refresh()" data-testid="sync-refresh">Làm mới</button>
      </div>
      @if (notice(); as n) {
        <dvc-alert tone="success">{{ n }}</dvc-alert>
      }
      <dvc-problem-alert [problem]="actionProblem()" />

      <section aria-labelledby="sync-health-heading">
        <h2 id="sync-health-heading">Tình trạng</h2>
        @if (health.problem(); as p) {
          <dvc-problem-alert [problem]="p" [autoFocus]="false" />
        } @else if (health.value(); as h) {
          <dl class="stats" data-testid="sync-health">
            <div class="stat">
              <dt>Tồn đọng outbox</dt>
              <dd data-testid="stat-backlog">{{ h.outbox.backlog }}</dd>
              <dd class="muted small">Chưa phát: {{ fmt(h.outbox.oldestUnpublishedSeconds) }}</dd>
            </div>
            <div class="stat">
              <dt>Độ trễ đồng bộ</dt>
              <dd data-testid="stat-lag">{{ fmt(h.sync.lagSeconds) }}</dd>
              <dd class="muted small">{{ h.sync.pending }} hồ sơ chờ Cổng xác nhận</dd>
            </div>
            <div class="stat">
              <dt>Đang thử lại</dt>
              <dd data-testid="stat-retrying">{{ h.sync.retrying }}</dd>
              <dd class="muted small">{{ h.sync.retries }} lần gửi lỗi</dd>
            </div>
            <div class="stat" [class.stat--bad]="h.sync.deadLetters > 0">
              <dt>Đồng bộ lỗi</dt>
              <dd data-testid="stat-dead">{{ h.sync.deadLetters }}</dd>
              <dd class="muted small">Đã đồng bộ {{ pct(h.sync.syncedRatio) }}</dd>
            </div>
          </dl>
        } @else {
          <dvc-loading />
        }
      </section>

      <section aria-labelledby="sync-dead-heading">
        <h2 id="sync-dead-heading">Hồ sơ đồng bộ lỗi</h2>
        @if (dead.problem(); as p) {
          <dvc-problem-alert [problem]="p" [autoFocus]="false" />
        } @else if (dead.value(); as d) {
          @if (d.items.length) {
            <p class="count" role="status">{{ d.total }} hồ sơ đồng bộ lỗi</p>
            <div class="table-wrap" role="region" aria-labelledby="sync-dead-heading" tabindex="0">
              <table class="table table-stack" data-testid="dead-letter-table">
                <thead>
                  <tr>
                    <th scope="col">Mã hồ sơ</th>
                    <th scope="col">Trạng thái</th>
                    <th scope="col" class="num">Phiên bản (đã xác nhận)</th>
                    <th scope="col" class="num">Số lần thử</th>
                    <th scope="col">Lỗi gần nhất</th>
                    <th scope="col">Thời điểm lỗi</th>
                    <th scope="col"><span class="visually-hidden">Thao tác</span></th>
                  </tr>
                </thead>
                <tbody>
                  @for (r of d.items; track r.dossierId) {
                    <tr [attr.data-code]="r.code">
                      <th scope="row" class="nowrap">{{ r.code }}</th>
                      <td data-label="Trạng thái"><dvc-dossier-status-badge [status]="r.status" /></td>
                      <td data-label="Phiên bản (đã xác nhận)" class="num">{{ r.version }} ({{ r.versionAcked }})</td>
                      <td data-label="Số lần thử" class="num">{{ r.attempts }}</td>
                      <td data-label="Lỗi gần nhất" class="err">{{ r.lastError || '—' }}</td>
                      <td data-label="Thời điểm lỗi" class="nowrap">{{ r.deadLetteredAt | viDateTime }}</td>
                      <td class="nowrap">
                        <button
                          type="button"
                          class="btn btn-secondary"
                          (click)="replay(r)"
                          [disabled]="busy() === r.dossierId"
                          [attr.aria-label]="'Gửi lại hồ sơ ' + r.code"
                          data-testid="replay"
                        >
                          {{ busy() === r.dossierId ? 'Đang gửi…' : 'Gửi lại' }}
                        </button>
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <dvc-empty-state heading="Không có hồ sơ đồng bộ lỗi." data-testid="dead-empty">
              <p>Mọi cập nhật trạng thái đều đã được gửi hoặc đang được thử lại.</p>
            </dvc-empty-state>
          }
        } @else {
          <dvc-loading />
        }
      </section>
      <dvc-confirm-dialog />
    </div>
  `,
  styles: `
    .toolbar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 1rem;
    }
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 1rem;
      margin: 0 0 2rem;
    }
    .stat {
      border: 1px solid var(--dvc-border, #c8ccd1);
      border-radius: 4px;
      padding: 1rem;
    }
    .stat dt {
      font-weight: 600;
    }
    .stat dd {
      margin: 0;
    }
    .stat dd:first-of-type {
      font-size: 1.75rem;
      font-weight: 700;
    }
    .stat--bad dd:first-of-type {
      color: var(--dvc-danger-ink);
    }
    .small {
      font-size: 0.8125rem;
    }
    .err {
      max-width: 24rem;
      overflow-wrap: anywhere;
    }
    .count {
      margin: 0 0 0.5rem;
    }
  `,
})
export class SyncHealth {
  private readonly api = inject(SyncAdminApi);
  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly health = loader(
    () => true,
    () => this.api.health(),
  );
  protected readonly dead = loader(
    () => true,
    () => this.api.deadLetters({ limit: 200 }),
  );
  protected readonly busy = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly actionProblem = signal<Problem | null>(null);
  protected readonly fmt = duration;

  protected pct(ratio: number): string {
    return `${(ratio * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
  }

  protected refresh(): void {
    this.health.reload();
    this.dead.reload();
  }

  protected async replay(r: SyncDeadLetterDto): Promise<void> {
    const ok = await this.confirm().ask({
      heading: `Gửi lại hồ sơ ${r.code}?`,
      message: 'Trạng thái mới nhất của hồ sơ sẽ được gửi lại lên Cổng Dịch vụ công quốc gia.',
      confirmLabel: 'Gửi lại',
      danger: false,
    });
    if (!ok) return;
    this.busy.set(r.dossierId);
    this.notice.set(null);
    this.actionProblem.set(null);
    this.api.replay(r.dossierId).subscribe({
      next: () => {
        this.busy.set(null);
        this.notice.set(`Đã đưa hồ sơ ${r.code} vào hàng đợi gửi lại.`);
        this.refresh();
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.actionProblem.set(toProblem(e));
      },
    });
  }
}
