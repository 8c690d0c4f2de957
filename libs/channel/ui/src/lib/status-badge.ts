import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { VERSION_STATUS_LABELS, VersionStatus } from '@dvc/shared/contracts';
import { Badge, BadgeTone } from './badge';

const TONES: Record<VersionStatus, BadgeTone> = {
  draft: 'warning',
  published: 'success',
  retired: 'neutral',
};

/** Status of a procedure version: Bản nháp / Đang áp dụng / Ngừng áp dụng. */
@Component({
  selector: 'dvc-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Badge],
  template: `<dvc-badge [tone]="tone()" [attr.data-status]="status()">{{ label() }}</dvc-badge>`,
})
export class StatusBadge {
  readonly status = input.required<VersionStatus>();
  protected readonly label = computed(() => VERSION_STATUS_LABELS[this.status()] ?? this.status());
  protected readonly tone = computed(() => TONES[this.status()] ?? 'neutral');
}
