import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A small label; colours meet WCAG AA contrast and the text always carries the meaning. */
@Component({
  selector: 'dvc-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': "'dvc-badge dvc-badge--' + tone()" },
  template: `<ng-content />`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.125rem 0.5rem;
      border-radius: 999px;
      font-size: 0.8125rem;
      font-weight: 600;
      line-height: 1.5;
      border: 1px solid currentColor;
      white-space: nowrap;
      vertical-align: middle;
    }
    :host(.dvc-badge--neutral) {
      color: #3d4551;
      background: #f0f0f0;
    }
    :host(.dvc-badge--info) {
      color: #0b4a8b;
      background: #e7f0fa;
    }
    :host(.dvc-badge--success) {
      color: #1b5e20;
      background: #e8f5e9;
    }
    :host(.dvc-badge--warning) {
      color: #7a4100;
      background: #fff4e0;
    }
    :host(.dvc-badge--danger) {
      color: #8a1c1c;
      background: #fdecec;
    }
  `,
})
export class Badge {
  readonly tone = input<BadgeTone>('neutral');
}
