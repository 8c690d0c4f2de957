import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { AGENCY_LEVEL_LABELS, DOCUMENT_FORM_LABELS, agencyTree } from '@dvc/channel/ui';
import { ONLINE_LEVEL_LABELS, OnlineLevel, RequiredDocument } from '@dvc/shared/contracts';
import type { AgencyUnitDto } from '@dvc/shared/contracts';
import { ContentForm, documentForm, feeForm, nextCode } from './content-form';
import { checkJsonObject, schemaFieldCount } from './schema-check';

const MESSAGES: Record<string, string> = {
  required: 'Không được để trống',
  maxlength: 'Nội dung quá dài',
  min: 'Giá trị quá nhỏ',
  max: 'Giá trị quá lớn',
  pattern: 'Chỉ nhập số nguyên không âm',
};

/**
 * The fields of a procedure version's content (general information, implementing agencies, dossier
 * components, fees, e-form schema), used by the create page and the version editor.
 */
@Component({
  selector: 'dvc-version-content-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './version-content-fields.html',
  styleUrl: './version-content-fields.css',
})
export class VersionContentFields {
  readonly form = input.required<ContentForm>();
  readonly agencies = input<AgencyUnitDto[]>([]);
  /** Show validation messages even on untouched fields (after a save attempt). */
  readonly showErrors = input(false);

  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly onlineOptions = Object.entries(ONLINE_LEVEL_LABELS) as [OnlineLevel, string][];
  protected readonly documentForms = Object.entries(DOCUMENT_FORM_LABELS) as [
    RequiredDocument['form'],
    string,
  ][];
  protected readonly levelLabels = AGENCY_LEVEL_LABELS;

  protected readonly agencyFilter = signal('');
  private readonly tree = computed(() => agencyTree(this.agencies()));
  protected readonly visibleAgencies = computed(() => {
    const f = this.agencyFilter().trim().toLowerCase();
    return f
      ? this.tree().filter((n) => `${n.agency.name} ${n.agency.code}`.toLowerCase().includes(f))
      : this.tree();
  });

  protected err(control: AbstractControl | null | undefined): string | null {
    if (!control || control.disabled || control.valid || !(control.touched || this.showErrors())) return null;
    const key = Object.keys(control.errors ?? {})[0];
    return key ? (MESSAGES[key] ?? 'Giá trị không hợp lệ') : null;
  }

  protected applicantError(): string | null {
    const f = this.form();
    if (f.disabled || !f.hasError('applicantRequired')) return null;
    const touched = f.controls.applicantCitizen.touched || f.controls.applicantBusiness.touched;
    return touched || this.showErrors() ? 'Chọn ít nhất một đối tượng thực hiện' : null;
  }

  protected schemaStatus(): { ok: boolean; message: string } {
    const r = checkJsonObject(this.form().controls.formSchema.value);
    if (!r.ok) return { ok: false, message: r.message };
    const n = schemaFieldCount(r.value);
    return { ok: true, message: `JSON hợp lệ — biểu mẫu có ${n} trường` };
  }

  protected formatSchema(): void {
    const c = this.form().controls.formSchema;
    const r = checkJsonObject(c.value);
    if (r.ok) {
      c.setValue(JSON.stringify(r.value, null, 2));
      c.markAsDirty();
    }
  }

  protected selectedAgencyNames(): string[] {
    const codes = this.form().controls.implementingAgencyCodes.value;
    const byCode = new Map(this.agencies().map((a) => [a.code, a.name]));
    return codes.map((c) => byCode.get(c) ?? c);
  }

  protected isSelected(code: string): boolean {
    return this.form().controls.implementingAgencyCodes.value.includes(code);
  }

  protected toggleAgency(code: string, event: Event): void {
    const c = this.form().controls.implementingAgencyCodes;
    const on = (event.target as HTMLInputElement).checked;
    const next = on ? [...new Set([...c.value, code])] : c.value.filter((x) => x !== code);
    c.setValue(next);
    c.markAsDirty();
    c.markAsTouched();
  }

  protected addDocument(): void {
    const docs = this.form().controls.documents;
    docs.push(
      documentForm(this.fb, {
        code: nextCode(
          'GT',
          docs.controls.map((g) => g.controls.code.value),
        ),
      }),
    );
    docs.markAsDirty();
    this.focusLater(`#doc-${docs.length - 1}-name`);
  }

  protected removeDocument(i: number): void {
    const docs = this.form().controls.documents;
    docs.removeAt(i);
    docs.markAsDirty();
    this.focusLater(docs.length ? `#doc-${Math.min(i, docs.length - 1)}-name` : '#add-document');
  }

  protected addFee(): void {
    const fees = this.form().controls.fees;
    fees.push(
      feeForm(this.fb, {
        code: nextCode(
          'LP',
          fees.controls.map((g) => g.controls.code.value),
        ),
      }),
    );
    fees.markAsDirty();
    this.focusLater(`#fee-${fees.length - 1}-name`);
  }

  protected removeFee(i: number): void {
    const fees = this.form().controls.fees;
    fees.removeAt(i);
    fees.markAsDirty();
    this.focusLater(fees.length ? `#fee-${Math.min(i, fees.length - 1)}-name` : '#add-fee');
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
