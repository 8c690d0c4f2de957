import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { EformState } from './eform-state';
import { FormSchema, controlId, controlKind, labelOf } from './form-schema';
import { parseViNumber } from './eform-validation';

/**
 * One field of the e-form: label, hint (the schema's description), error and the control. Errors are
 * linked with aria-describedby and flagged with aria-invalid so focus can go to the first one.
 */
@Component({
  selector: 'dvc-eform-control',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.ef-wide]': 'wide()',
    '[attr.data-pointer]': 'pointer()',
  },
  template: `
    @switch (kind()) {
      @case ('radio') {
        <fieldset
          class="ef-choice"
          [attr.aria-describedby]="describedBy()"
          [attr.aria-required]="required() || null"
        >
          <legend class="form-label">
            {{ label() }}
            @if (marked()) {
              <span class="ef-req" aria-hidden="true">*</span>
            }
          </legend>
          @if (hint()) {
            <p class="form-hint" [id]="id() + '-hint'">{{ hint() }}</p>
          }
          @if (error(); as e) {
            <p class="form-error" [id]="id() + '-error'">{{ e }}</p>
          }
          <div class="ef-radios">
            @for (o of options(); track $index) {
              <label class="ef-radio">
                <input
                  type="radio"
                  [id]="$index === 0 ? id() : id() + '-' + $index"
                  [name]="id()"
                  [checked]="o === value()"
                  [attr.aria-invalid]="error() ? true : null"
                  [attr.data-testid]="'ef-' + pointer() + '-' + $index"
                  (change)="choose(o)"
                  (blur)="touch()"
                />
                <span>{{ o }}</span>
              </label>
            }
          </div>
        </fieldset>
      }
      @case ('checkbox') {
        <div class="form-field">
          @if (error(); as e) {
            <p class="form-error" [id]="id() + '-error'">{{ e }}</p>
          }
          <div class="checkbox">
            <input
              type="checkbox"
              [id]="id()"
              [checked]="value() === true"
              [attr.aria-invalid]="error() ? true : null"
              [attr.aria-describedby]="describedBy()"
              [attr.data-testid]="'ef-' + pointer()"
              (change)="check($event)"
              (blur)="touch()"
            />
            <label [for]="id()"
              >{{ label() }}
              @if (marked()) {
                <span class="ef-req" aria-hidden="true">*</span>
              }
            </label>
          </div>
          @if (hint()) {
            <p class="form-hint ef-check-hint" [id]="id() + '-hint'">{{ hint() }}</p>
          }
        </div>
      }
      @default {
        <div class="form-field">
          <label [for]="id()"
            >{{ label() }}
            @if (marked()) {
              <span class="ef-req" aria-hidden="true">*</span>
            }
          </label>
          @if (hint()) {
            <p class="form-hint" [id]="id() + '-hint'">{{ hint() }}</p>
          }
          @if (error(); as e) {
            <p class="form-error" [id]="id() + '-error'">{{ e }}</p>
          }
          @switch (kind()) {
            @case ('select') {
              <select
                class="select"
                [id]="id()"
                [attr.aria-invalid]="error() ? true : null"
                [attr.aria-describedby]="describedBy()"
                [attr.aria-required]="required() || null"
                [attr.data-testid]="'ef-' + pointer()"
                (change)="select($event)"
                (blur)="touch()"
              >
                <option value="" [selected]="selectedIndex() < 0">— Chọn —</option>
                @for (o of options(); track $index) {
                  <option [value]="$index" [selected]="selectedIndex() === $index">{{ o }}</option>
                }
              </select>
            }
            @case ('textarea') {
              <textarea
                class="textarea"
                [id]="id()"
                [value]="text()"
                [attr.aria-invalid]="error() ? true : null"
                [attr.aria-describedby]="describedBy()"
                [attr.aria-required]="required() || null"
                [attr.data-testid]="'ef-' + pointer()"
                (input)="type($event)"
                (blur)="touch()"
              ></textarea>
            }
            @default {
              <input
                class="input"
                [class.ef-short]="short()"
                [id]="id()"
                [type]="inputType()"
                [value]="text()"
                [attr.inputmode]="inputMode()"
                [attr.autocomplete]="'off'"
                [attr.spellcheck]="kind() === 'text' ? null : false"
                [attr.aria-invalid]="error() ? true : null"
                [attr.aria-describedby]="describedBy()"
                [attr.aria-required]="required() || null"
                [attr.data-testid]="'ef-' + pointer()"
                (input)="type($event)"
                (blur)="touch()"
              />
            }
          }
        </div>
      }
    }
  `,
})
export class EformControl {
  readonly schema = input.required<FormSchema>();
  readonly pointer = input.required<string>();
  /** Required now (the field is required and its group is required or filled in). */
  readonly required = input(false);
  /** Shows the asterisk: required within its group. */
  readonly marked = input(false);
  protected readonly state = inject(EformState);
  /** Text being typed into a number field, kept so "1.000" is not re-rendered as "1000" mid-typing. */
  private readonly raw = signal<string | null>(null);

  protected readonly kind = computed(() => controlKind(this.schema()));
  protected readonly id = computed(() => controlId(this.state.idPrefix(), this.pointer()));
  protected readonly label = computed(() => labelOf(this.schema(), this.pointer()));
  protected readonly hint = computed(() => this.schema().description?.trim() || null);
  protected readonly value = computed(() => this.state.get(this.pointer()));
  protected readonly error = computed(() => this.state.errorFor(this.pointer()));
  protected readonly options = computed(() => (this.schema().enum ?? []) as readonly unknown[]);
  protected readonly selectedIndex = computed(() => this.options().findIndex((o) => o === this.value()));
  protected readonly wide = computed(() => {
    const k = this.kind();
    return k === 'textarea' || k === 'checkbox' || (k === 'radio' && this.options().length > 2);
  });
  protected readonly short = computed(() => {
    const k = this.kind();
    return k === 'integer' || k === 'number' || k === 'date';
  });
  protected readonly text = computed(() => {
    const raw = this.raw();
    const v = this.value();
    // Keep what was typed while it still stands for the current value (not replaced by a draft).
    if (
      raw !== null &&
      (v === raw || (typeof v === 'number' && parseViNumber(raw, this.kind() === 'integer') === v))
    ) {
      return raw;
    }
    return v === undefined || v === null ? '' : String(v);
  });
  protected readonly inputType = computed(() => {
    switch (this.kind()) {
      case 'date':
        return 'date';
      case 'email':
        return 'email';
      default:
        return 'text';
    }
  });
  protected readonly inputMode = computed(() => {
    const k = this.kind();
    if (k === 'integer') return 'numeric';
    if (k === 'number') return 'decimal';
    if (k === 'email') return 'email';
    // A pattern of digits only (identity numbers) gets the numeric keypad.
    if (/^\^?\[0-9\]\{\d+\}\$?$/.test(this.schema().pattern ?? '')) return 'numeric';
    if (/^\^?\(0\|\\\+84\)/.test(this.schema().pattern ?? '')) return 'tel';
    return null;
  });
  protected readonly describedBy = computed(() => {
    const ids = [this.hint() ? this.id() + '-hint' : '', this.error() ? this.id() + '-error' : ''].filter(
      Boolean,
    );
    return ids.length ? ids.join(' ') : null;
  });

  protected type(e: Event): void {
    const text = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    const k = this.kind();
    if (k === 'integer' || k === 'number') {
      this.raw.set(text);
      const n = parseViNumber(text, k === 'integer');
      this.state.set(this.pointer(), text.trim() === '' ? undefined : (n ?? text));
    } else {
      this.state.set(this.pointer(), text === '' ? undefined : text);
    }
  }

  protected choose(option: unknown): void {
    this.state.set(this.pointer(), option);
    this.touch();
  }

  protected select(e: Event): void {
    const idx = (e.target as HTMLSelectElement).value;
    this.state.set(this.pointer(), idx === '' ? undefined : this.options()[Number(idx)]);
  }

  protected check(e: Event): void {
    this.state.set(this.pointer(), (e.target as HTMLInputElement).checked);
  }

  protected touch(): void {
    this.state.touch(this.pointer());
  }
}
