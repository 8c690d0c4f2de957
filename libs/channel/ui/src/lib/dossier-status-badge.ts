import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DOSSIER_STATUS_LABELS, DossierStatus } from '@dvc/shared/contracts';
import { Badge, BadgeTone } from './badge';

const TONES: Record<DossierStatus, BadgeTone> = {
  submitted: 'info',
  received: 'info',
  refused: 'danger',
  processing: 'info',
  awaiting_approval: 'info',
  supplement_requested: 'warning',
  payment_requested: 'warning',
  withdrawal_requested: 'warning',
  withdrawn: 'neutral',
  stopped: 'danger',
  result_ready: 'success',
  returned: 'success',
};

/** A dossier's status in the portal's wording (Mới đăng ký, Đang xử lý, Yêu cầu bổ sung giấy tờ…). */
@Component({
  selector: 'dvc-dossier-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Badge],
  template: `<dvc-badge [tone]="tone()" [attr.data-status]="status()" data-testid="dossier-status">{{
    text()
  }}</dvc-badge>`,
})
export class DossierStatusBadge {
  readonly status = input.required<DossierStatus>();
  /** The API's label when it sent one (it may word a status more precisely). */
  readonly label = input<string | null | undefined>(null, { alias: 'statusLabel' });
  protected readonly tone = computed(() => TONES[this.status()] ?? 'neutral');
  protected readonly text = computed(
    () => this.label() || DOSSIER_STATUS_LABELS[this.status()] || this.status(),
  );
}
