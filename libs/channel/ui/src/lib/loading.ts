import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A polite "loading" status line. */
@Component({
  selector: 'dvc-loading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status' },
  template: `<span class="dvc-spinner" aria-hidden="true"></span>{{ label() }}`,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 1rem 0;
      color: var(--dvc-ink-muted);
    }
    .dvc-spinner {
      width: 1rem;
      height: 1rem;
      border: 2px solid var(--dvc-border);
      border-top-color: var(--dvc-primary);
      border-radius: 50%;
      animation: dvc-spin 0.8s linear infinite;
    }
    @keyframes dvc-spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dvc-spinner {
        animation: none;
      }
    }
  `,
})
export class Loading {
  readonly label = input('Đang tải…');
}
