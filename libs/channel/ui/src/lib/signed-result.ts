import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { DossierResultDto } from '@dvc/shared/contracts';
import { Badge, BadgeTone } from './badge';
import { DateTimePipe, FileSizePipe } from './format-pipes';

const STATUS: Record<DossierResultDto['signatureStatus'], { label: string; tone: BadgeTone }> = {
  valid: { label: 'Chữ ký số hợp lệ', tone: 'success' },
  invalid: { label: 'Chữ ký số không hợp lệ', tone: 'danger' },
  unknown_signer: { label: 'Chưa xác định được chứng thư người ký', tone: 'warning' },
  none: { label: 'Chưa ký số', tone: 'warning' },
};

/**
 * The signed e-result of a dossier (kết quả giải quyết đã ký số): who signed it, for which unit,
 * when, and whether the signature verifies; the download is the host's (it needs the bearer token).
 */
@Component({
  selector: 'dvc-signed-result',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Badge, DateTimePipe, FileSizePipe],
  template: `
    <section class="card signed-result" aria-labelledby="signed-result-h" data-testid="signed-result" [attr.data-signature-status]="result().signatureStatus">
      <h2 id="signed-result-h">Kết quả giải quyết (đã ký số)</h2>
      <p class="signed-result__status">
        <dvc-badge [tone]="status().tone" data-testid="signed-result-status">{{ status().label }}</dvc-badge>
        @if (showDelivery()) {
          <span class="muted" data-testid="signed-result-delivery">{{ result().delivered ? 'Đã trả cho người nộp' : 'Chưa trả cho người nộp' }}</span>
        }
      </p>
      <dl class="signed-result__facts">
        <div><dt>Người ký</dt><dd data-testid="signed-result-signer">{{ result().signerName }}</dd></div>
        <div><dt>Đơn vị</dt><dd>{{ result().unitName }}</dd></div>
        <div><dt>Thời gian ký</dt><dd data-testid="signed-result-time">{{ result().signedAt | viDateTime }}</dd></div>
        <div><dt>Chứng thư số</dt><dd class="signed-result__subject">{{ result().certificateSubject }}</dd></div>
      </dl>
      <button type="button" class="btn btn-primary btn-sm" (click)="download.emit()" [disabled]="busy()" data-testid="signed-result-download">
        {{ busy() ? 'Đang tải…' : 'Tải kết quả (PDF)' }}<span class="visually-hidden"> {{ result().fileName }}</span>
      </button>
      <span class="muted signed-result__file">{{ result().fileName }} · {{ result().sizeBytes | fileSize }}</span>
    </section>
  `,
  styles: `
    .signed-result {
      margin: 1rem 0;
    }
    .signed-result h2 {
      margin-top: 0;
      font-size: 1.125rem;
    }
    .signed-result__status {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    .signed-result__facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.5rem 1rem;
      margin: 0.75rem 0;
    }
    .signed-result__facts dt {
      font-size: 0.875rem;
      color: var(--dvc-muted, #565c65);
    }
    .signed-result__facts dd {
      margin: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .signed-result__subject {
      font-weight: 400 !important;
      font-size: 0.875rem;
    }
    .signed-result__file {
      margin-left: 0.75rem;
      font-size: 0.875rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class SignedResult {
  readonly result = input.required<DossierResultDto>();
  /** Whether to say if the applicant has it yet (the desk's view). */
  readonly showDelivery = input(false);
  readonly busy = input(false);
  readonly download = output<void>();
  protected readonly status = computed(() => STATUS[this.result().signatureStatus]);
}
