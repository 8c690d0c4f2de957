import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ONLINE_LEVEL_LABELS, OnlineLevel } from '@dvc/shared/contracts';
import { Badge } from './badge';

/** Online service level per Nghị định 42/2022/NĐ-CP: toàn trình or một phần. */
@Component({
  selector: 'dvc-online-level-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Badge],
  template: `<dvc-badge [tone]="level() === 'toan_trinh' ? 'success' : 'info'" data-testid="online-level">{{
    label()
  }}</dvc-badge>`,
})
export class OnlineLevelBadge {
  readonly level = input.required<OnlineLevel>();
  /** Short form ("Toàn trình" / "Một phần") for dense lists. */
  readonly short = input(false);
  protected readonly label = computed(() =>
    this.short()
      ? this.level() === 'toan_trinh'
        ? 'Toàn trình'
        : 'Một phần'
      : (ONLINE_LEVEL_LABELS[this.level()] ?? this.level()),
  );
}
