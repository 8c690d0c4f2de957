import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore, CatalogApi, DeskApi, fieldErrors, loader, toProblem } from '@dvc/channel/api-client';
import { Eform, FormSchema, cleanEformData, defaultEformData } from '@dvc/channel/eform';
import { DOCUMENT_FORM_LABELS, DateTimePipe, Loading, PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type { DeskDossierDetailDto, InPersonIntakeRequest, Problem } from '@dvc/shared/contracts';

const newKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

type ApplicantField = 'name' | 'identityNumber' | 'phone' | 'email';

/**
 * In-person intake (`/ho-so/tiep-nhan-truc-tiep`): the intake officer enters a dossier for a citizen
 * at the counter — procedure, applicant, e-form, papers checked — and gets its code; the dossier then
 * waits at the intake step for "Tiếp nhận" like an online one.
 */
@Component({
  selector: 'dvc-in-person-intake',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Loading, Eform, DateTimePipe],
  templateUrl: './in-person-intake.html',
  styleUrl: './in-person-intake.css',
})
export class InPersonIntake {
  private readonly api = inject(DeskApi);
  private readonly catalog = inject(CatalogApi);
  private readonly store = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly eform = viewChild(Eform);
  protected readonly docForms = DOCUMENT_FORM_LABELS;

  protected readonly agencyCode = computed(() => this.store.official()?.agency.code);
  protected readonly procedures = loader(
    () => this.agencyCode() ?? '',
    (agency) => this.catalog.search({ agency: agency || undefined, pageSize: 100 }),
  );
  protected readonly procedureCode = signal('');
  protected readonly procedure = loader(
    () => this.procedureCode() || undefined,
    (code) => this.catalog.procedure(code),
  );
  protected readonly schema = computed(
    () => (this.procedure.value()?.content.formSchema ?? null) as FormSchema | null,
  );
  protected readonly agencies = computed(() => this.procedure.value()?.implementingAgencies ?? []);

  protected readonly receivingAgencyCode = signal('');
  protected readonly channel = signal<'desk' | 'post'>('desk');
  protected readonly applicant = signal<Record<ApplicantField, string>>({
    name: '',
    identityNumber: '',
    phone: '',
    email: '',
  });
  protected readonly formData = signal<Record<string, unknown>>({});
  protected readonly checkedDocs = signal<Set<string>>(new Set());
  protected readonly note = signal('');
  protected readonly submitted = signal(false);
  protected readonly submitting = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly created = signal<DeskDossierDetailDto | null>(null);
  private idempotencyKey = newKey();

  protected readonly serverErrors = computed(() => fieldErrors(this.problem()));
  protected readonly formServerErrors = computed(() =>
    (this.problem()?.errors ?? []).filter((e) => e.field.startsWith('formData') || e.field.startsWith('/')),
  );
  protected readonly errors = computed(() => {
    const a = this.applicant();
    const server = this.serverErrors();
    const out: Partial<Record<ApplicantField | 'procedure' | 'agency', string>> = {};
    if (!this.procedureCode()) out.procedure = 'Vui lòng chọn thủ tục';
    if (this.procedureCode() && !this.receivingAgencyCode()) out.agency = 'Vui lòng chọn cơ quan tiếp nhận';
    if (!a.name.trim()) out.name = 'Vui lòng nhập họ tên người nộp';
    if (!/^\d{12}$/.test(a.identityNumber.trim()))
      out.identityNumber = 'Số định danh cá nhân gồm đúng 12 chữ số';
    if (a.phone.trim() && !/^(\+84|0)\d{9,10}$/.test(a.phone.replace(/[\s.]/g, '')))
      out.phone = 'Số điện thoại không đúng định dạng (VD: 0912345678)';
    if (a.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim()))
      out.email = 'Thư điện tử không đúng định dạng';
    for (const k of ['name', 'identityNumber', 'phone', 'email'] as const) {
      const msg = server[k] ?? server[`applicant.${k}`];
      if (msg && !out[k]) out[k] = msg;
    }
    return out;
  });

  protected show(k: keyof ReturnType<typeof this.errors>): string | null {
    return this.submitted() ? (this.errors()[k] ?? null) : (this.serverErrors()[k] ?? null);
  }

  protected chooseProcedure(code: string): void {
    this.procedureCode.set(code);
    this.receivingAgencyCode.set('');
    this.checkedDocs.set(new Set());
    this.formData.set({});
    this.problem.set(null);
    this.eform()?.reset();
  }

  constructor() {
    // Once the procedure's detail is there: default agency (the officer's own) and default form values.
    effect(() => {
      const p = this.procedure.value();
      if (!p || p.code !== this.procedureCode()) return;
      untracked(() => {
        if (!this.receivingAgencyCode()) {
          const mine = p.implementingAgencies.find((a) => a.code === this.agencyCode());
          this.receivingAgencyCode.set((mine ?? p.implementingAgencies[0])?.code ?? '');
        }
        if (!Object.keys(this.formData()).length)
          this.formData.set(defaultEformData(p.content.formSchema as FormSchema));
      });
    });
  }

  protected setApplicant(k: ApplicantField, v: string): void {
    this.applicant.update((a) => ({ ...a, [k]: v }));
  }

  protected toggleDoc(code: string, on: boolean): void {
    this.checkedDocs.update((s) => {
      const n = new Set(s);
      if (on) n.add(code);
      else n.delete(code);
      return n;
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    this.submitted.set(true);
    this.problem.set(null);
    const formOk = this.eform()?.validate() ?? !!this.procedureCode();
    const errs = this.errors();
    if (Object.keys(errs).length) {
      setTimeout(() =>
        this.host.nativeElement
          .querySelector<HTMLElement>('.applicant [aria-invalid="true"], .pick [aria-invalid="true"]')
          ?.focus(),
      );
      return;
    }
    if (!formOk) return;
    const p = this.procedure.value();
    const a = this.applicant();
    const docs = (p?.content.documents ?? []).filter((d) => this.checkedDocs().has(d.code));
    const noteParts = [
      docs.length ? `Giấy tờ đã nhận: ${docs.map((d) => `${d.code} ${d.name}`).join('; ')}` : '',
      this.note().trim(),
    ].filter(Boolean);
    const body: InPersonIntakeRequest = {
      procedureCode: this.procedureCode(),
      receivingAgencyCode: this.receivingAgencyCode(),
      channel: this.channel(),
      applicant: {
        name: a.name.trim(),
        identityNumber: a.identityNumber.trim(),
        ...(a.phone.trim() ? { phone: a.phone.replace(/[\s.]/g, '') } : {}),
        ...(a.email.trim() ? { email: a.email.trim() } : {}),
      },
      formData: this.schema() ? cleanEformData(this.schema()!, this.formData()) : this.formData(),
      ...(noteParts.length ? { note: noteParts.join('\n') } : {}),
    };
    this.submitting.set(true);
    this.api.intake(body, this.idempotencyKey).subscribe({
      next: (d) => {
        this.submitting.set(false);
        this.created.set(d);
        this.idempotencyKey = newKey();
        setTimeout(() =>
          this.host.nativeElement.querySelector<HTMLElement>('[data-testid="intake-created"]')?.focus(),
        );
      },
      error: (e: unknown) => {
        this.submitting.set(false);
        this.problem.set(toProblem(e));
        if (this.formServerErrors().length) this.eform()?.focusFirstError();
      },
    });
  }

  protected again(): void {
    this.created.set(null);
    this.submitted.set(false);
    this.applicant.set({ name: '', identityNumber: '', phone: '', email: '' });
    this.note.set('');
    this.checkedDocs.set(new Set());
    const p = this.procedure.value();
    this.formData.set(p ? defaultEformData(p.content.formSchema as FormSchema) : {});
    this.eform()?.reset();
  }
}
