import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { WorkflowAdminApi, loader } from '@dvc/channel/api-client';
import { Badge, DateTimePipe, EmptyState, Loading, PageHeader, ProblemAlert } from '@dvc/channel/ui';

/**
 * Workflow definitions (`/quy-trinh`): each definition's versions with the procedures that use
 * them from an instant on and the number of dossiers pinned to them.
 */
@Component({
  selector: 'dvc-workflow-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Loading, EmptyState, Badge, DateTimePipe],
  template: `
    <div class="container">
      <dvc-page-header
        heading="Quy trình xử lý"
        lead="Quy trình xử lý hồ sơ theo phiên bản. Hồ sơ giữ phiên bản quy trình lúc nộp; muốn thay đổi, hãy lưu phiên bản mới rồi áp dụng cho thủ tục."
      />
      @if (list.problem(); as p) {
        <dvc-problem-alert [problem]="p" [autoFocus]="false" />
      } @else if (list.value(); as workflows) {
        @for (w of workflows; track w.code) {
          <section class="card workflow" [attr.aria-labelledby]="'wf-' + $index" [attr.data-code]="w.code" data-testid="workflow">
            <h2 [id]="'wf-' + $index">{{ w.name }} <span class="code">{{ w.code }}</span></h2>
            <div class="table-wrap" role="region" [attr.aria-label]="'Các phiên bản của ' + w.name" tabindex="0">
              <table class="table table-stack">
                <thead>
                  <tr>
                    <th scope="col" class="num">Phiên bản</th>
                    <th scope="col">Tên</th>
                    <th scope="col">Thủ tục áp dụng</th>
                    <th scope="col" class="num">Số hồ sơ</th>
                    <th scope="col"><span class="visually-hidden">Thao tác</span></th>
                  </tr>
                </thead>
                <tbody>
                  @for (v of w.versions; track v.version) {
                    <tr [attr.data-version]="v.version">
                      <th scope="row" class="num">{{ v.version }}</th>
                      <td data-label="Tên">
                        {{ v.name }}
                        <span class="muted small">Lưu lúc {{ v.createdAt | viDateTime }}</span>
                      </td>
                      <td data-label="Thủ tục áp dụng">
                        @if (v.procedures.length) {
                          <ul class="usages">
                            @for (u of v.procedures; track $index) {
                              <li>
                                @if (u.procedureCode) {
                                  <strong>{{ u.procedureCode }}</strong> {{ u.procedureName }}
                                } @else {
                                  <strong>Mặc định cho mọi thủ tục</strong>
                                }
                                <span class="muted small">từ {{ u.effectiveFrom | viDateTime }}</span>
                                @if (u.inForce) {
                                  <dvc-badge tone="success">Đang áp dụng</dvc-badge>
                                } @else if (isFuture(u.effectiveFrom)) {
                                  <dvc-badge tone="info">Sắp áp dụng</dvc-badge>
                                }
                              </li>
                            }
                          </ul>
                        } @else {
                          <span class="muted">Chưa áp dụng cho thủ tục nào</span>
                        }
                      </td>
                      <td data-label="Số hồ sơ" class="num">{{ v.dossierCount }}</td>
                      <td class="nowrap">
                        <a
                          class="btn btn-secondary btn-sm"
                          [routerLink]="['/quy-trinh', w.code, 'phien-ban', v.version]"
                          [attr.aria-label]="'Xem, soạn từ phiên bản ' + v.version + ' của ' + w.name"
                          data-testid="open-version"
                          >Xem, soạn</a
                        >
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </section>
        } @empty {
          <dvc-empty-state heading="Chưa có quy trình nào." />
        }
      } @else {
        <dvc-loading />
      }
    </div>
  `,
  styles: `
    .workflow {
      margin-bottom: 1.5rem;
    }
    .workflow h2 {
      margin-top: 0;
      overflow-wrap: anywhere;
    }
    .code {
      font-family: ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', 'Noto Sans Mono', monospace;
      font-size: 0.875rem;
      font-weight: 400;
      color: var(--dvc-ink-muted);
    }
    .usages {
      margin: 0;
      padding-left: 1rem;
    }
    .small {
      display: block;
      font-size: 0.8125rem;
    }
  `,
})
export class WorkflowList {
  private readonly api = inject(WorkflowAdminApi);
  protected readonly list = loader(
    () => true,
    () => this.api.list(),
  );

  protected isFuture(iso: string): boolean {
    return new Date(iso).getTime() > Date.now();
  }
}
