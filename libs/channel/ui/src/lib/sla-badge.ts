import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SlaState } from '@dvc/shared/contracts';
import { Badge, BadgeTone } from './badge';

/** Vietnamese wording of a deadline state (desk inbox, dossier header, overdue board). */
export const SLA_LABELS: Record<SlaState, string> = {
  on_time: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  paused: 'Tạm dừng',
  closed: 'Đã kết thúc',
};

const TONES: Record<SlaState, BadgeTone> = {
  on_time: 'success',
  due_soon: 'warning',
  overdue: 'danger',
  paused: 'neutral',
  closed: 'neutral',
};

const ICONS: Record<SlaState, string> = {
  on_time: '✓',
  due_soon: '⚠',
  overdue: '!',
  paused: '‖',
  closed: '■',
};

/** A dossier's deadline state as a badge: text plus an icon, never colour alone. */
@Component({
  selector: 'dvc-sla-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Badge],
  template: `<dvc-badge [tone]="tone()" [attr.data-sla]="sla()" data-testid="sla-badge"
    ><span aria-hidden="true">{{ icon() }} </span>{{ label() }}</dvc-badge
  >`,
})
export class SlaBadge {
  readonly sla = input.required<SlaState>();
  protected readonly tone = computed(() => TONES[this.sla()] ?? 'neutral');
  protected readonly icon = computed(() => ICONS[this.sla()] ?? '');
  protected readonly label = computed(() => SLA_LABELS[this.sla()] ?? this.sla());
}
