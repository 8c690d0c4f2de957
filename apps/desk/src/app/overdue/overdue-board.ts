import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, CatalogApi, DeskApi, DeskOverdueQuery, loader, toProblem } from '@dvc/channel/api-client';
import {
  agencySubtree,
  agencyTree,
  DateTimePipe,
  DossierStatusBadge,
  EmptyState,
  Loading,
  PageHeader,
  ProblemAlert,
} from '@dvc/channel/ui';
import type { OverdueItemDto, Problem } from '@dvc/shared/contracts';

const PAGE_SIZE = 50;
const STATE_LABELS = {
  overdue: 'Đã quá hạn',
  due_soon: 'Sắp đến hạn (còn không quá 1 ngày làm việc)',
} as const;
type BoardState = keyof typeof STATE_LABELS;
const days = (v: string | undefined) => {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : undefined;
};

/**
 * Overdue board (`/qua-han`): late (or nearly due) dossiers of my units, most late first, with their
 * apology letter (Mẫu 04); filters by procedure, unit, state and working days late live in the URL.
 */
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
      <form
        class="filters"
        role="search"
        aria-label="Lọc hồ sơ quá hạn"
        #filterForm
        (submit)="applyFilters($event, filterForm)"
      >
        <div class="form-field">
          <label for="o-state">Tình trạng hạn</label>
          <select id="o-state" name="state" class="select" data-testid="overdue-filter-state">
            @for (k of stateKeys; track k) {
              <option [value]="k" [selected]="query().state === k">{{ stateLabels[k] }}</option>
            }
          </select>
        </div>
        <div class="form-field">
          <label for="o-procedure">Mã thủ tục</label>
          <input
            id="o-procedure"
            name="procedure"
            class="input"
            [value]="query().procedure ?? ''"
            placeholder="VD: 1.001193"
            autocomplete="off"
            data-testid="overdue-filter-procedure"
          />
        </div>
        <div class="form-field">
          <label for="o-unit">Đơn vị đang giữ hồ sơ</label>
          <select id="o-unit" name="unit" class="select" data-testid="overdue-filter-unit">
            <option value="" [selected]="!query().unit">Tất cả đơn vị của tôi</option>
            @for (n of units(); track n.code) {
              <option [value]="n.code" [selected]="query().unit === n.code">
                {{ n.label }}
              </option>
            }
          </select>
        </div>
        <fieldset class="days" aria-describedby="o-days-hint">
          <legend>Số ngày làm việc trễ</legend>
          <div class="days__inputs">
            <label for="o-min">Từ</label>
            <input
              id="o-min"
              name="minDaysLate"
              class="input"
              type="number"
              min="1"
              max="3650"
              inputmode="numeric"
              [value]="query().minDaysLate ?? ''"
              data-testid="overdue-filter-min"
            />
            <label for="o-max">đến</label>
            <input
              id="o-max"
              name="maxDaysLate"
              class="input"
              type="number"
              min="1"
              max="3650"
              inputmode="numeric"
              [value]="query().maxDaysLate ?? ''"
              data-testid="overdue-filter-max"
            />
          </div>
          <p id="o-days-hint" class="form-hint">Chỉ áp dụng cho hồ sơ đã quá hạn.</p>
        </fieldset>
        <div class="filters__actions">
          <button type="submit" class="btn btn-primary" data-testid="overdue-filter-apply">Lọc</button>
          @if (filtered()) {
            <a class="btn btn-secondary" routerLink="/qua-han">Xóa bộ lọc</a>
          }
        </div>
      </form>
      @if (first.problem(); as p) {
        <dvc-problem-alert [problem]="p" [autoFocus]="false" />
      } @else if (first.value() === undefined) {
        <dvc-loading />
      } @else if (rows().length) {
        <p class="count" role="status">
          {{ rows().length }} hồ sơ {{ dueSoon() ? 'sắp đến hạn' : 'quá hạn'
          }}{{ next() ? ' (còn nữa)' : '' }}
        </p>
        <div
          class="table-wrap"
          role="region"
          [attr.aria-label]="dueSoon() ? 'Hồ sơ sắp đến hạn' : 'Hồ sơ quá hạn'"
          tabindex="0"
        >
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
                  <td data-label="Số ngày trễ" class="num late">{{ d.daysLate || '—' }}</td>
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
        <dvc-empty-state
          [heading]="filtered() ? 'Không có hồ sơ phù hợp với bộ lọc.' : 'Không có hồ sơ quá hạn.'"
          data-testid="overdue-empty"
        >
          @if (!filtered()) {
            <p>Các hồ sơ của đơn vị đều đang trong hạn.</p>
          }
        </dvc-empty-state>
      }
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: flex-end;
      margin: 0 0 1rem;
    }
    .filters .form-field {
      margin: 0;
    }
    .days {
      border: 0;
      margin: 0;
      padding: 0;
    }
    .days legend {
      font-weight: 600;
      padding: 0;
    }
    .days__inputs {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .days__inputs .input {
      width: 6rem;
    }
    .days .form-hint {
      margin: 0.25rem 0 0;
    }
    .filters__actions {
      display: flex;
      gap: 0.5rem;
    }
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
  // Filters live in the URL, so a view can be bookmarked and Back works.
  readonly state = input<string>();
  readonly procedure = input<string>();
  readonly unit = input<string>();
  readonly minDaysLate = input<string>();
  readonly maxDaysLate = input<string>();

  private readonly api = inject(DeskApi);
  private readonly router = inject(Router);
  private readonly store = inject(AuthStore);
  protected readonly stateLabels = STATE_LABELS;
  protected readonly stateKeys = Object.keys(STATE_LABELS) as BoardState[];
  private readonly agencies = toSignal(inject(CatalogApi).agencies(), { initialValue: [] });
  /** The units I serve: my unit and the units below it. */
  protected readonly units = computed(() => {
    const own = this.store.official()?.agency.id;
    return own
      ? agencyTree(agencySubtree(this.agencies(), own)).map((n) => ({
          code: n.agency.code,
          label: '\u00a0\u00a0'.repeat(n.depth) + n.agency.name,
        }))
      : [];
  });

  protected readonly query = computed<DeskOverdueQuery>(() => {
    const state = this.state() === 'due_soon' ? 'due_soon' : undefined;
    return {
      state,
      procedure: this.procedure()?.trim() || undefined,
      unit: this.unit()?.trim() || undefined,
      minDaysLate: state ? undefined : days(this.minDaysLate()),
      maxDaysLate: state ? undefined : days(this.maxDaysLate()),
      limit: PAGE_SIZE,
    };
  });
  protected readonly dueSoon = computed(() => this.query().state === 'due_soon');
  protected readonly filtered = computed(() => {
    const q = this.query();
    return !!(q.state || q.procedure || q.unit || q.minDaysLate || q.maxDaysLate);
  });
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

  protected applyFilters(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim() || null;
    const state = text('state') === 'due_soon' ? 'due_soon' : null;
    void this.router.navigate([], {
      queryParams: {
        state,
        procedure: text('procedure'),
        unit: text('unit'),
        minDaysLate: state ? null : text('minDaysLate'),
        maxDaysLate: state ? null : text('maxDaysLate'),
      },
    });
  }

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
