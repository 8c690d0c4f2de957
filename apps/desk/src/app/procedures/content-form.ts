import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import type { Fee, OnlineLevel, ProcedureVersionContent, RequiredDocument } from '@dvc/shared/contracts';
import { checkJsonObject } from './schema-check';

export type DocumentForm = FormGroup<{
  code: FormControl<string>;
  name: FormControl<string>;
  form: FormControl<RequiredDocument['form']>;
  copies: FormControl<number>;
  required: FormControl<boolean>;
  note: FormControl<string>;
}>;

export type FeeForm = FormGroup<{
  code: FormControl<string>;
  name: FormControl<string>;
  amount: FormControl<number>;
  note: FormControl<string>;
}>;

export type ContentForm = FormGroup<{
  name: FormControl<string>;
  onlineLevel: FormControl<OnlineLevel>;
  timeLimitDays: FormControl<number>;
  timeLimitNote: FormControl<string>;
  resultName: FormControl<string>;
  legalBasis: FormControl<string>;
  applicantCitizen: FormControl<boolean>;
  applicantBusiness: FormControl<boolean>;
  implementingAgencyCodes: FormControl<string[]>;
  documents: FormArray<DocumentForm>;
  fees: FormArray<FeeForm>;
  formSchema: FormControl<string>;
}>;

export const EMPTY_FORM_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {},
  required: [],
};

function jsonObject(control: AbstractControl<string>): ValidationErrors | null {
  const r = checkJsonObject(control.value ?? '');
  return r.ok ? null : { json: r.message };
}

function uniqueCodes(array: AbstractControl): ValidationErrors | null {
  const codes = (array as FormArray<FormGroup<{ code: FormControl<string> }>>).controls
    .map((g) => g.controls.code.value.trim().toLowerCase())
    .filter(Boolean);
  return new Set(codes).size === codes.length ? null : { duplicateCode: true };
}

function applicantChosen(group: AbstractControl): ValidationErrors | null {
  const g = group as ContentForm;
  return g.controls.applicantCitizen.value || g.controls.applicantBusiness.value
    ? null
    : { applicantRequired: true };
}

export function documentForm(fb: NonNullableFormBuilder, d?: Partial<RequiredDocument>): DocumentForm {
  return fb.group({
    code: [d?.code ?? '', [Validators.required, Validators.maxLength(50)]],
    name: [d?.name ?? '', [Validators.required, Validators.maxLength(500)]],
    form: fb.control<RequiredDocument['form']>(d?.form ?? 'original'),
    copies: [d?.copies ?? 1, [Validators.required, Validators.min(1), Validators.max(99)]],
    required: [d?.required ?? true],
    note: [d?.note ?? ''],
  });
}

export function feeForm(fb: NonNullableFormBuilder, f?: Partial<Fee>): FeeForm {
  return fb.group({
    code: [f?.code ?? '', [Validators.required, Validators.maxLength(50)]],
    name: [f?.name ?? '', [Validators.required, Validators.maxLength(500)]],
    amount: [f?.amount ?? 0, [Validators.required, Validators.min(0)]],
    note: [f?.note ?? ''],
  });
}

/** The editable content of a version as a typed reactive form; `readonly` disables it. */
export function contentForm(
  fb: NonNullableFormBuilder,
  c?: ProcedureVersionContent,
  readonly = false,
): ContentForm {
  const form: ContentForm = fb.group(
    {
      name: [c?.name ?? '', [Validators.required, Validators.maxLength(500)]],
      onlineLevel: fb.control<OnlineLevel>(c?.onlineLevel ?? 'toan_trinh'),
      timeLimitDays: [
        c?.timeLimitDays ?? 0,
        [Validators.required, Validators.min(0), Validators.max(365), Validators.pattern(/^\d+$/)],
      ],
      timeLimitNote: [c?.timeLimitNote ?? ''],
      resultName: [c?.resultName ?? '', [Validators.required, Validators.maxLength(500)]],
      legalBasis: [c?.legalBasis ?? ''],
      applicantCitizen: [c ? c.applicantTypes.includes('citizen') : true],
      applicantBusiness: [c ? c.applicantTypes.includes('business') : false],
      implementingAgencyCodes: fb.control<string[]>([...(c?.implementingAgencyCodes ?? [])]),
      documents: fb.array(
        (c?.documents ?? []).map((d) => documentForm(fb, d)),
        uniqueCodes,
      ),
      fees: fb.array(
        (c?.fees ?? []).map((f) => feeForm(fb, f)),
        uniqueCodes,
      ),
      formSchema: [JSON.stringify(c?.formSchema ?? EMPTY_FORM_SCHEMA, null, 2), jsonObject],
    },
    { validators: applicantChosen },
  );
  if (readonly) form.disable();
  return form;
}

/** Reads the form back into the API's content shape (trimmed, optional notes omitted when empty). */
export function readContent(form: ContentForm): ProcedureVersionContent {
  const v = form.getRawValue();
  const note = (s: string) => (s.trim() ? { note: s.trim() } : {});
  const schema = checkJsonObject(v.formSchema);
  return {
    name: v.name.trim(),
    onlineLevel: v.onlineLevel,
    timeLimitDays: Number(v.timeLimitDays ?? 0),
    ...(v.timeLimitNote.trim() ? { timeLimitNote: v.timeLimitNote.trim() } : {}),
    resultName: v.resultName.trim(),
    legalBasis: v.legalBasis.trim(),
    applicantTypes: [
      ...(v.applicantCitizen ? (['citizen'] as const) : []),
      ...(v.applicantBusiness ? (['business'] as const) : []),
    ],
    implementingAgencyCodes: v.implementingAgencyCodes,
    documents: v.documents.map((d) => ({
      code: d.code.trim(),
      name: d.name.trim(),
      form: d.form,
      copies: Number(d.copies ?? 1),
      required: d.required,
      ...note(d.note),
    })),
    fees: v.fees.map((f) => ({
      code: f.code.trim(),
      name: f.name.trim(),
      amount: Number(f.amount ?? 0),
      ...note(f.note),
    })),
    formSchema: schema.ok ? schema.value : {},
  };
}

/** Next free code like GT03 / LP02 for a new row. */
export function nextCode(prefix: string, existing: string[]): string {
  for (let n = existing.length + 1; ; n++) {
    const code = `${prefix}${String(n).padStart(2, '0')}`;
    if (!existing.includes(code)) return code;
  }
}
