import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

/** A message box; `danger` and `warning` are announced immediately (role=alert), others politely. */
@Component({
  selector: 'dvc-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.role]': "tone() === 'danger' || tone() === 'warning' ? 'alert' : 'status'",
    '[class]': "'dvc-alert dvc-alert--' + tone()",
  },
  template: `
    @if (heading()) {
      <p class="dvc-alert__title">{{ heading() }}</p>
    }
    <ng-content />
  `,
  styles: `
    :host {
      display: block;
      border-left: 5px solid var(--tone);
      background: var(--tone-bg);
      color: var(--dvc-ink);
      padding: 0.75rem 1rem;
      margin: 0 0 1rem;
      border-radius: 2px;
      overflow-wrap: anywhere;
    }
    :host(.dvc-alert--info) {
      --tone: var(--dvc-info);
      --tone-bg: var(--dvc-info-bg);
    }
    :host(.dvc-alert--success) {
      --tone: var(--dvc-success);
      --tone-bg: var(--dvc-success-bg);
    }
    :host(.dvc-alert--warning) {
      --tone: var(--dvc-warning);
      --tone-bg: var(--dvc-warning-bg);
    }
    :host(.dvc-alert--danger) {
      --tone: var(--dvc-danger);
      --tone-bg: var(--dvc-danger-bg);
    }
    .dvc-alert__title {
      font-weight: 700;
      margin: 0 0 0.25rem;
    }
    :host ::ng-deep p:last-child {
      margin-bottom: 0;
    }
  `,
})
export class Alert {
  readonly tone = input<AlertTone>('info');
  readonly heading = input<string>();
}
