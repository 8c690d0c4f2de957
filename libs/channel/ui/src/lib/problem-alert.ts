import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input } from '@angular/core';
import type { Problem } from '@dvc/shared/contracts';

/**
 * Shows an API problem (RFC 9457): its Vietnamese title, detail and field messages. Takes focus when
 * a new problem appears so keyboard and screen-reader users land on it.
 */
@Component({
  selector: 'dvc-problem-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as p) {
      <div
        class="dvc-problem"
        role="alert"
        tabindex="-1"
        data-testid="problem-alert"
        [attr.data-code]="p.code"
      >
        <p class="dvc-problem__title">{{ p.title }}</p>
        @if (p.detail && p.detail !== p.title) {
          <p class="dvc-problem__detail">{{ p.detail }}</p>
        }
        @if (p.errors?.length) {
          <ul class="dvc-problem__errors">
            @for (e of p.errors; track $index) {
              <li>{{ e.message }}</li>
            }
          </ul>
        }
        <ng-content />
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .dvc-problem {
      border-left: 5px solid var(--dvc-danger);
      background: var(--dvc-danger-bg);
      color: var(--dvc-ink);
      padding: 0.75rem 1rem;
      margin: 0 0 1rem;
      border-radius: 2px;
      overflow-wrap: anywhere;
    }
    .dvc-problem:focus {
      outline: 3px solid var(--dvc-focus);
      outline-offset: 2px;
    }
    .dvc-problem__title {
      font-weight: 700;
      margin: 0;
      color: var(--dvc-danger-ink);
    }
    .dvc-problem__detail {
      margin: 0.25rem 0 0;
    }
    .dvc-problem__errors {
      margin: 0.5rem 0 0;
      padding-left: 1.25rem;
    }
  `,
})
export class ProblemAlert {
  readonly problem = input<Problem | null | undefined>(null);
  /** Move focus to the alert when it appears (after a form submit). */
  readonly autoFocus = input(true);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly focusOnShow = effect(() => {
    if (this.problem() && this.autoFocus()) {
      queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>('.dvc-problem')?.focus());
    }
  });
}
