import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

export interface StepperStep {
  key: string;
  label: string;
}

/**
 * Progress through a multi-step form. Steps already reached are buttons (go back to change them);
 * the current one is marked with aria-current="step". On narrow screens only the current label shows.
 */
@Component({
  selector: 'dvc-stepper',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav [attr.aria-label]="label()">
      <p class="dvc-stepper__now" aria-hidden="true">
        Bước {{ current() + 1 }}/{{ steps().length }}: <strong>{{ steps()[current()]?.label }}</strong>
      </p>
      <ol>
        @for (s of steps(); track s.key; let i = $index) {
          <li
            [class.is-current]="i === current()"
            [class.is-done]="i < current() || i <= reached()"
            [attr.aria-current]="i === current() ? 'step' : null"
          >
            @if (i !== current() && i <= reached() && !disabled()) {
              <button type="button" (click)="stepSelect.emit(i)" [attr.data-testid]="'step-' + s.key">
                <span class="dvc-stepper__num" aria-hidden="true">{{ i + 1 }}</span>
                <span class="dvc-stepper__label"
                  ><span class="visually-hidden">Bước {{ i + 1 }}: </span>{{ s.label }}</span
                >
              </button>
            } @else {
              <span class="dvc-stepper__item" [attr.data-testid]="'step-' + s.key">
                <span class="dvc-stepper__num" aria-hidden="true">{{ i + 1 }}</span>
                <span class="dvc-stepper__label"
                  ><span class="visually-hidden">Bước {{ i + 1 }}: </span>{{ s.label }}</span
                >
              </span>
            }
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 1.25rem;
    }
    ol {
      display: flex;
      list-style: none;
      margin: 0;
      padding: 0;
      gap: 0.25rem;
      counter-reset: step;
    }
    li {
      flex: 1 1 0;
      min-width: 0;
      border-bottom: 4px solid var(--dvc-border);
    }
    li.is-done {
      border-bottom-color: var(--dvc-primary-tint);
    }
    li.is-current {
      border-bottom-color: var(--dvc-primary);
    }
    button,
    .dvc-stepper__item {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.375rem 0.25rem;
      font: inherit;
      color: var(--dvc-ink-muted);
      background: none;
      border: 0;
      text-align: left;
    }
    button {
      cursor: pointer;
      color: var(--dvc-primary);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    li.is-current .dvc-stepper__item {
      color: var(--dvc-ink);
      font-weight: 700;
    }
    .dvc-stepper__num {
      flex: none;
      display: grid;
      place-items: center;
      width: 1.75rem;
      height: 1.75rem;
      border-radius: 50%;
      border: 2px solid currentColor;
      font-weight: 700;
      font-size: 0.875rem;
      text-decoration: none;
    }
    li.is-current .dvc-stepper__num {
      background: var(--dvc-primary);
      border-color: var(--dvc-primary);
      color: #fff;
    }
    .dvc-stepper__label {
      overflow-wrap: anywhere;
      line-height: 1.25;
    }
    .dvc-stepper__now {
      display: none;
      margin: 0 0 0.5rem;
    }
    @media (max-width: 40rem) {
      .dvc-stepper__now {
        display: block;
      }
      .dvc-stepper__label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      button,
      .dvc-stepper__item {
        justify-content: center;
      }
    }
  `,
})
export class Stepper {
  readonly steps = input.required<readonly StepperStep[]>();
  /** Index of the step shown. */
  readonly current = input.required<number>();
  /** Highest index reached so far (those steps can be revisited). */
  readonly reached = input(0);
  /** No going back while something is being sent. */
  readonly disabled = input(false);
  readonly label = input('Các bước nộp hồ sơ');
  readonly stepSelect = output<number>();
  protected readonly count = computed(() => this.steps().length);
}
