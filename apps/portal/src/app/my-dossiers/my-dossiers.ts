import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { DossierApi, loader } from '@dvc/channel/api-client';
import {
  DatePipeVi,
  DossierStatusBadge,
  EmptyState,
  Loading,
  PageHeader,
  Pager,
  ProblemAlert,
} from '@dvc/channel/ui';

const PAGE_SIZE = 10;

/** `/ho-so-cua-toi` — the citizen's dossiers, newest first: code, procedure, status, due date. */
@Component({
  selector: 'dvc-my-dossiers',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Loading, EmptyState, Pager, DossierStatusBadge, DatePipeVi],
  template: `
    <div class="container">
      <dvc-page-header
        heading="Hồ sơ của tôi"
        lead="Các hồ sơ bạn đã nộp, tình trạng giải quyết và ngày hẹn trả kết quả."
      >
        <nav breadcrumb class="breadcrumb" aria-label="Đường dẫn">
          <ol>
            <li><a routerLink="/">Trang chủ</a></li>
            <li><span aria-current="page">Hồ sơ của tôi</span></li>
          </ol>
        </nav>
        <div actions>
          <a class="btn btn-primary" routerLink="/thu-tuc">Nộp hồ sơ mới</a>
        </div>
      </dvc-page-header>

      <dvc-problem-alert [problem]="list.problem()" [autoFocus]="false" />
      @if (list.value(); as page) {
        @if (page.items.length) {
          <p class="muted" role="status">Có {{ page.total }} hồ sơ.</p>
          <div class="table-wrap">
            <table class="table table-stack" data-testid="my-dossiers">
              <caption class="visually-hidden">
                Danh sách hồ sơ của tôi, trang
                {{
                  page.page
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Mã hồ sơ</th>
                  <th scope="col">Thủ tục</th>
                  <th scope="col">Tình trạng</th>
                  <th scope="col">Ngày nộp</th>
                  <th scope="col">Hẹn trả kết quả</th>
                </tr>
              </thead>
              <tbody>
                @for (d of page.items; track d.id) {
                  <tr data-testid="my-dossier-row">
                    <td data-label="Mã hồ sơ">
                      <a class="code" [routerLink]="['/ho-so-cua-toi', d.id]" data-testid="my-dossier-link">{{
                        d.code
                      }}</a>
                    </td>
                    <td data-label="Thủ tục">
                      {{ d.procedure.name }}
                      <span class="sub">{{ d.receivingAgency.name }}</span>
                    </td>
                    <td data-label="Tình trạng">
                      <dvc-dossier-status-badge [status]="d.status" [statusLabel]="d.statusLabel" />
                    </td>
                    <td data-label="Ngày nộp" class="nowrap">{{ d.submittedAt | viDate }}</td>
                    <td data-label="Hẹn trả kết quả" class="nowrap">{{ d.dueAt | viDate }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <dvc-pager
            [page]="page.page"
            [pageSize]="page.pageSize"
            [total]="page.total"
            label="Phân trang hồ sơ"
            (pageChange)="go($event)"
          />
        } @else {
          <dvc-empty-state heading="Bạn chưa nộp hồ sơ nào">
            <p><a routerLink="/thu-tuc">Tìm thủ tục hành chính</a> để nộp hồ sơ trực tuyến.</p>
          </dvc-empty-state>
        }
      } @else if (list.loading()) {
        <dvc-loading />
      }
    </div>
  `,
  styles: `
    .code {
      font-weight: 700;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .sub {
      display: block;
      font-size: 0.875rem;
      color: var(--dvc-ink-muted);
    }
  `,
})
export class MyDossiers {
  /** `?trang=2` */
  readonly trang = input<string>();
  private readonly api = inject(DossierApi);
  private readonly router = inject(Router);
  private readonly page = computed(() => Math.max(1, Number(this.trang()) || 1));
  protected readonly list = loader(
    () => this.page(),
    (page) => this.api.mine(page, PAGE_SIZE),
  );

  protected go(page: number): void {
    void this.router.navigate([], { queryParams: { trang: page > 1 ? page : null } });
  }
}
