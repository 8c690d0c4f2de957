import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What to show when a list has nothing in it, with room for a next step. */
@Component({
  selector: 'dvc-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="dvc-empty__title">{{ heading() }}</p>
    <div class="dvc-empty__body"><ng-content /></div>
  `,
  styles: `
    :host {
      display: block;
      text-align: center;
      padding: 2rem 1rem;
      border: 1px dashed var(--dvc-border);
      border-radius: 4px;
      background: var(--dvc-surface-muted);
      color: var(--dvc-ink-muted);
    }
    .dvc-empty__title {
      font-weight: 700;
      font-size: 1.125rem;
      color: var(--dvc-ink);
      margin: 0 0 0.5rem;
    }
    .dvc-empty__body:empty {
      display: none;
    }
  `,
})
export class EmptyState {
  readonly heading = input.required<string>();
}
