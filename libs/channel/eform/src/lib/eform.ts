import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  ViewEncapsulation,
  afterNextRender,
  computed,
  inject,
  input,
  model,
} from '@angular/core';
import { EformGroup } from './eform-group';
import { EformState } from './eform-state';
import { EformErrors, EformFieldError, FormSchema, normalizePointer } from './form-schema';

/**
 * An e-form rendered from a procedure version's JSON Schema (the same schema the API validates with
 * Ajv). Two-way binds the form data; shows client-side errors once a field is left or `validate()`
 * is called, and the API's field errors (`serverErrors`) on the matching controls.
 *
 * ```html
 * <dvc-eform #form [schema]="version.formSchema" [(value)]="formData" [serverErrors]="problem()?.errors" />
 * ```
 */
@Component({
  selector: 'dvc-eform',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [EformGroup],
  providers: [EformState],
  host: { class: 'dvc-eform' },
  template: `
    @if (showTitle() && schema().title) {
      <h3 class="ef-form-title">{{ schema().title }}</h3>
    }
    @if (showTitle() && schema().description) {
      <p class="ef-form-desc">{{ schema().description }}</p>
    }
    <p class="form-hint ef-legend-note">Các mục có dấu <span class="ef-req">*</span> là bắt buộc.</p>
    <dvc-eform-group [schema]="schema()" />
  `,
  styles: `
    .dvc-eform {
      display: block;
    }
    .dvc-eform .ef-legend-note {
      margin-bottom: 1rem;
    }
    .dvc-eform .ef-form-title {
      margin: 0 0 0.25rem;
    }
    .dvc-eform .ef-form-desc {
      margin: 0 0 0.5rem;
    }
    .dvc-eform .ef-grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0 1.25rem;
    }
    @media (min-width: 48rem) {
      .dvc-eform .ef-grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .dvc-eform .ef-grid > .ef-group,
      .dvc-eform .ef-grid > .ef-wide {
        grid-column: 1 / -1;
      }
    }
    .dvc-eform .ef-req {
      color: var(--dvc-danger);
      font-weight: 700;
    }
    .dvc-eform .ef-optional {
      font-weight: 400;
      color: var(--dvc-ink-muted);
      font-size: 0.9375rem;
    }
    .dvc-eform .ef-group {
      background: var(--dvc-surface-muted);
      padding: 0.75rem 1rem 0.25rem;
      margin: 0.25rem 0 1.25rem;
    }
    .dvc-eform .ef-group > legend {
      font-size: 1.0625rem;
      background: var(--dvc-surface);
      border: 1px solid var(--dvc-border);
      border-radius: var(--dvc-radius);
      padding: 0.125rem 0.5rem;
    }
    .dvc-eform .ef-group > .form-hint,
    .dvc-eform .ef-group > .form-error {
      margin-bottom: 0.75rem;
    }
    .dvc-eform .ef-choice {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .dvc-eform .ef-choice > legend {
      padding: 0;
      margin-bottom: 0.25rem;
    }
    .dvc-eform .ef-radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
    }
    .dvc-eform .ef-radio {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      cursor: pointer;
    }
    .dvc-eform .ef-radio input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--dvc-primary);
    }
    .dvc-eform .ef-choice:has([aria-invalid='true']) .ef-radio input {
      outline: 2px solid var(--dvc-danger);
      outline-offset: 1px;
    }
    .dvc-eform .input.ef-short {
      max-width: 16rem;
    }
    .dvc-eform .ef-check-hint {
      margin-left: 1.75rem;
    }
    .dvc-eform .checkbox label {
      font-weight: 600;
    }
  `,
})
export class Eform {
  readonly schema = input.required<FormSchema>();
  readonly value = model<Record<string, unknown>>({});
  /** The API's field errors (pointer paths like `/me/soDinhDanh`, optionally prefixed by `formData`). */
  readonly serverErrors = input<readonly EformFieldError[] | null | undefined>(null);
  /** Shows the schema's own title and description above the fields (as an h3). */
  readonly showTitle = input(true);
  /** Prefix of control ids, for two forms on one page. */
  readonly idPrefix = input('ef');
  private readonly state = inject(EformState);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  private readonly serverMap = computed<EformErrors>(() => {
    const out: EformErrors = {};
    for (const e of this.serverErrors() ?? []) {
      const p = normalizePointer(e.field);
      if (p) out[p] ??= e.message;
    }
    return out;
  });

  constructor() {
    this.state.connect(this.value, this.schema, this.serverMap, this.idPrefix);
  }

  /** Client-side errors of the current data, keyed by pointer. */
  errors(): EformErrors {
    return this.state.clientErrors();
  }

  /**
   * Shows every error; when there is one, moves focus to the first invalid control. Returns whether
   * the data is valid.
   */
  validate(): boolean {
    this.state.showAll.set(true);
    const ok = Object.keys(this.state.clientErrors()).length === 0;
    if (!ok) this.focusFirstError();
    return ok;
  }

  /** Moves focus to the first control showing an error (after the next render). */
  focusFirstError(): void {
    afterNextRender(
      () => {
        const el = this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]');
        el?.focus();
        el?.scrollIntoView({ block: 'center' });
      },
      { injector: this.injector },
    );
  }

  /** Forgets visited fields (e.g. after loading another draft). */
  reset(): void {
    this.state.reset();
  }
}
