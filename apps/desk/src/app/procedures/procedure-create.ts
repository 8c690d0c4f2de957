import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { AdminCatalogApi, AuthStore, CatalogApi, fieldErrors, toProblem } from '@dvc/channel/api-client';
import { PageHeader, ProblemAlert, agencySubtree, agencyTree } from '@dvc/channel/ui';
import { PROCEDURE_LEVEL_LABELS, Problem, ProcedureLevel } from '@dvc/shared/contracts';
import { catchError, of } from 'rxjs';
import { contentForm, readContent } from './content-form';
import { VersionContentFields } from './version-content-fields';

type TopField = 'code' | 'fieldCode' | 'level' | 'ownerAgencyId';
const MESSAGES: Record<TopField, Record<string, string>> = {
  code: {
    required: 'Vui lòng nhập mã thủ tục',
    pattern: 'Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch ngang (ví dụ 1.001193)',
  },
  fieldCode: { required: 'Vui lòng chọn lĩnh vực' },
  level: { required: 'Vui lòng chọn cấp thực hiện' },
  ownerAgencyId: { required: 'Vui lòng chọn đơn vị quản lý' },
};

/** New procedure with its first draft version (`/thu-tuc/moi`). */
@Component({
  selector: 'dvc-procedure-create',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, PageHeader, ProblemAlert, VersionContentFields],
  templateUrl: './procedure-create.html',
})
export class ProcedureCreate {
  private readonly api = inject(AdminCatalogApi);
  private readonly catalog = inject(CatalogApi);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly levelOptions = Object.entries(PROCEDURE_LEVEL_LABELS) as [ProcedureLevel, string][];
  protected readonly fields = toSignal(this.catalog.fields().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly agencies = toSignal(this.catalog.agencies().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  /** A system administrator may file under any unit; an agency administrator under their own subtree. */
  protected readonly ownerOptions = computed(() => {
    const me = this.store.official();
    const all = this.agencies();
    const mine = me && !this.store.hasAnyRole('system_admin') ? agencySubtree(all, me.agency.id) : all;
    return agencyTree(mine).map((n) => ({
      id: n.agency.id,
      label: '\u00a0\u00a0'.repeat(n.depth) + n.agency.name,
    }));
  });

  protected readonly head = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^[0-9A-Za-z][0-9A-Za-z.\-_]*$/)]],
    fieldCode: ['', Validators.required],
    level: ['' as ProcedureLevel | '', Validators.required],
    ownerAgencyId: [this.store.official()?.agency.id ?? '', Validators.required],
  });
  protected readonly content = contentForm(this.fb);
  protected readonly saving = signal(false);
  protected readonly attempted = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  /** Pre-select the level from the owner unit (province or commune) when still empty. */
  protected readonly defaultLevel = effect(() => {
    const me = this.store.official();
    const level = me?.agency.level;
    const c = this.head.controls.level;
    if (!c.value && (level === 'province' || level === 'commune' || level === 'central')) c.setValue(level);
  });

  protected err(name: TopField): string | null {
    const server = fieldErrors(this.problem())[name];
    if (server) return server;
    const c = this.head.controls[name];
    if (c.valid || !(c.touched || this.attempted())) return null;
    const key = Object.keys(c.errors ?? {})[0];
    return MESSAGES[name][key] ?? 'Giá trị không hợp lệ';
  }

  protected submit(): void {
    this.attempted.set(true);
    this.problem.set(null);
    if (this.head.invalid || this.content.invalid) {
      this.head.markAllAsTouched();
      this.content.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const h = this.head.getRawValue();
    this.saving.set(true);
    this.api
      .create({
        code: h.code.trim(),
        fieldCode: h.fieldCode,
        level: h.level as ProcedureLevel,
        ownerAgencyId: h.ownerAgencyId,
        content: readContent(this.content),
      })
      .subscribe({
        next: (p) =>
          void this.router.navigate(['/thu-tuc', p.id], {
            state: { notice: `Đã tạo thủ tục ${p.code} (phiên bản 1, bản nháp).` },
          }),
        error: (e: unknown) => {
          this.saving.set(false);
          this.problem.set(toProblem(e));
        },
      });
  }
}
