import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DossierApi, loader } from '@dvc/channel/api-client';
import { DateTimePipe, DatePipeVi, Loading, PageHeader, ProblemAlert } from '@dvc/channel/ui';
import { ReceiptButton } from '../my-dossiers/receipt-button';

/** `/ho-so-cua-toi/:id/da-nop` — shown once the dossier is submitted: its code, times and the receipt. */
@Component({
  selector: 'dvc-submit-success',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Loading, DateTimePipe, DatePipeVi, ReceiptButton],
  template: `
    <div class="container success">
      @if (dossier.problem(); as p) {
        <dvc-page-header heading="Không xem được hồ sơ" />
        <dvc-problem-alert [problem]="p" [autoFocus]="false" />
        <p><a routerLink="/ho-so-cua-toi">Về danh sách hồ sơ của tôi</a></p>
      } @else if (dossier.value(); as d) {
        <div class="panel" data-testid="submit-success">
          <span class="panel__icon" aria-hidden="true">✓</span>
          <dvc-page-header heading="Nộp hồ sơ thành công" [lead]="d.procedure.name" />
          <p class="code-label">Mã hồ sơ của bạn</p>
          <p class="code" data-testid="dossier-code">{{ d.code }}</p>
          <p class="muted">Hãy ghi lại mã hồ sơ để tra cứu tình trạng giải quyết.</p>
        </div>
        <div class="card">
          <dl class="facts">
            <div>
              <dt>Cơ quan tiếp nhận</dt>
              <dd>{{ d.receivingAgency.name }}</dd>
            </div>
            <div>
              <dt>Thời điểm nộp</dt>
              <dd>{{ d.submittedAt | viDateTime }}</dd>
            </div>
            <div>
              <dt>Thời điểm tiếp nhận</dt>
              <dd data-testid="received-at">
                {{ d.receivedAt | viDateTime }}
                @if (d.receivedAt !== d.submittedAt) {
                  <span class="muted"> (nộp ngoài giờ hành chính được tính vào ngày làm việc kế tiếp)</span>
                }
              </dd>
            </div>
            <div>
              <dt>Ngày hẹn trả kết quả</dt>
              <dd data-testid="due-at">
                <strong>{{ d.dueAt | viDate }}</strong>
              </dd>
            </div>
          </dl>
          <div class="cluster actions">
            <dvc-receipt-button [dossierId]="d.id" [code]="d.code" />
            <a class="btn btn-secondary" [routerLink]="['/ho-so-cua-toi', d.id]" data-testid="open-dossier"
              >Xem hồ sơ</a
            >
            <a class="btn btn-secondary" routerLink="/ho-so-cua-toi">Hồ sơ của tôi</a>
          </div>
        </div>
      } @else {
        <dvc-loading />
      }
    </div>
  `,
  styles: `
    .success {
      max-width: 48rem;
    }
    .panel {
      text-align: center;
      background: var(--dvc-success-bg);
      border: 1px solid #b9dcc0;
      border-radius: var(--dvc-radius);
      padding: 1.5rem 1rem 1rem;
      margin-bottom: 1rem;
    }
    .panel dvc-page-header {
      margin-bottom: 0.75rem;
    }
    .panel__icon {
      display: inline-grid;
      place-items: center;
      width: 3rem;
      height: 3rem;
      border-radius: 50%;
      background: var(--dvc-success);
      color: #fff;
      font-size: 1.5rem;
      font-weight: 700;
      margin-bottom: 0.5rem;
    }
    .code-label {
      margin: 0;
      font-weight: 600;
    }
    .code {
      font-size: clamp(1.25rem, 1rem + 2vw, 1.875rem);
      font-weight: 800;
      letter-spacing: 0.03em;
      margin: 0.25rem 0 0.5rem;
      overflow-wrap: anywhere;
      font-variant-numeric: tabular-nums;
    }
    .actions {
      margin-top: 1rem;
    }
  `,
})
export class SubmitSuccess {
  readonly id = input.required<string>();
  private readonly api = inject(DossierApi);
  protected readonly dossier = loader(
    () => this.id(),
    (id) => this.api.get(id),
  );
}
