import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { EformControl } from './eform-control';
import { EformState } from './eform-state';
import { FormSchema, childPointer, controlId, controlKind, labelOf, orderedProperties } from './form-schema';

interface Item {
  key: string;
  pointer: string;
  schema: FormSchema;
  group: boolean;
  required: boolean;
}

/** The properties of one object schema, in schema order; nested objects become fieldsets. */
@Component({
  selector: 'dvc-eform-group',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EformControl],
  template: `
    <div class="ef-grid">
      @for (item of items(); track item.key) {
        @if (item.group) {
          <fieldset
            class="ef-group"
            [attr.aria-describedby]="groupDescribedBy(item)"
            [attr.data-pointer]="item.pointer"
          >
            <legend>
              {{ label(item) }}
              @if (!item.required) {
                <span class="ef-optional">(không bắt buộc)</span>
              }
            </legend>
            @if (item.schema.description) {
              <p class="form-hint" [id]="id(item) + '-hint'">{{ item.schema.description }}</p>
            }
            @if (!item.required) {
              <p class="form-hint" [id]="id(item) + '-note'">
                Nếu khai nhóm thông tin này, các mục có dấu * là bắt buộc.
              </p>
            }
            @if (state.errorFor(item.pointer); as e) {
              <p class="form-error" [id]="id(item) + '-error'">{{ e }}</p>
            }
            <dvc-eform-group [schema]="item.schema" [pointer]="item.pointer" [active]="isActive(item)" />
          </fieldset>
        } @else {
          <dvc-eform-control
            [schema]="item.schema"
            [pointer]="item.pointer"
            [marked]="item.required"
            [required]="item.required && active()"
          />
        }
      }
    </div>
  `,
})
export class EformGroup {
  readonly schema = input.required<FormSchema>();
  readonly pointer = input('');
  /** Whether this object is required or already filled in, so its required fields apply now. */
  readonly active = input(true);
  protected readonly state = inject(EformState);

  protected readonly items = computed<Item[]>(() => {
    const s = this.schema();
    const req = new Set(s.required ?? []);
    return orderedProperties(s).map(([key, child]) => ({
      key,
      pointer: childPointer(this.pointer(), key),
      schema: child,
      group: controlKind(child) === 'group',
      required: req.has(key),
    }));
  });

  protected label(item: Item): string {
    return labelOf(item.schema, item.pointer);
  }

  protected id(item: Item): string {
    return controlId(this.state.idPrefix(), item.pointer);
  }

  protected isActive(item: Item): boolean {
    return (item.required && this.active()) || this.state.hasAnswer(item.pointer);
  }

  protected groupDescribedBy(item: Item): string | null {
    const id = this.id(item);
    const ids = [
      item.schema.description ? id + '-hint' : '',
      item.required ? '' : id + '-note',
      this.state.errorFor(item.pointer) ? id + '-error' : '',
    ].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }
}
