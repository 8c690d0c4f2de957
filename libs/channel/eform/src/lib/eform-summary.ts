import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormSchema, childPointer, controlKind, labelOf, orderedProperties } from './form-schema';

interface Row {
  key: string;
  label: string;
  text?: string;
  rows?: Row[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function display(schema: FormSchema | undefined, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return v.toLocaleString('vi-VN');
  if (typeof v === 'string' && schema?.format === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  if (typeof v === 'string' && schema?.format === 'date-time') {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime()))
      return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function rowsOf(schema: FormSchema | undefined, data: unknown, pointer: string): Row[] {
  const obj = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const props = schema?.properties ?? {};
  const out: Row[] = [];
  const ordered = schema ? orderedProperties(schema).map(([k]) => k) : [];
  const keys = [...ordered, ...Object.keys(obj).filter((k) => !(k in props))];
  for (const key of keys) {
    const child = props[key];
    const v = obj[key];
    const p = childPointer(pointer, key);
    if (v === undefined || v === null || v === '') continue;
    const isGroup = child ? controlKind(child) === 'group' : typeof v === 'object' && !Array.isArray(v);
    if (isGroup) {
      const rows = rowsOf(child, v, p);
      if (rows.length) out.push({ key, label: labelOf(child, p), rows });
    } else {
      out.push({ key, label: labelOf(child, p), text: display(child, v) });
    }
  }
  return out;
}

/** The e-form's answers, read-only, labelled with the schema's titles (review step, dossier detail). */
@Component({
  selector: 'dvc-eform-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #list let-rows>
      <dl class="facts">
        @for (r of rows; track r.key) {
          @if (r.rows) {
            <div class="ef-sum-group">
              <dt>{{ r.label }}</dt>
              <dd>
                <ng-container *ngTemplateOutlet="list; context: { $implicit: r.rows }" />
              </dd>
            </div>
          } @else {
            <div>
              <dt>{{ r.label }}</dt>
              <dd>{{ r.text }}</dd>
            </div>
          }
        }
      </dl>
    </ng-template>
    @if (rows().length) {
      <ng-container *ngTemplateOutlet="list; context: { $implicit: rows() }" />
    } @else {
      <p class="muted">Chưa có thông tin nào được khai.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .ef-sum-group > dd {
      border-left: 3px solid var(--dvc-border);
      padding-left: 0.75rem;
    }
    @media (min-width: 40rem) {
      .facts > .ef-sum-group {
        grid-template-columns: 1fr;
      }
    }
    .ef-sum-group .facts > div {
      padding: 0.375rem 0;
    }
  `,
  imports: [NgTemplateOutlet],
})
export class EformSummary {
  readonly schema = input<FormSchema | null | undefined>(null);
  readonly value = input<Record<string, unknown> | null | undefined>(null);
  protected readonly rows = computed(() => rowsOf(this.schema() ?? undefined, this.value(), ''));
}
