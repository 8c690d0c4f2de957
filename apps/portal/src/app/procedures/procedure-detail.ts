import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { CatalogApi, loader } from '@dvc/channel/api-client';
import {
  APPLICANT_TYPE_LABELS,
  DOCUMENT_FORM_LABELS,
  DatePipeVi,
  Loading,
  OnlineLevelBadge,
  PageHeader,
  ProblemAlert,
  TimeLimitPipe,
  VndPipe,
} from '@dvc/channel/ui';
import { PROCEDURE_LEVEL_LABELS } from '@dvc/shared/contracts';
import { SITE_NAME } from '../portal-title-strategy';

/** Public page of one published procedure (`/thu-tuc/:code`). */
@Component({
  selector: 'dvc-procedure-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    PageHeader,
    ProblemAlert,
    Loading,
    OnlineLevelBadge,
    TimeLimitPipe,
    VndPipe,
    DatePipeVi,
  ],
  templateUrl: './procedure-detail.html',
  styleUrl: './procedure-detail.css',
})
export class ProcedureDetail {
  /** National procedure code, from the route. */
  readonly code = input.required<string>();
  private readonly catalog = inject(CatalogApi);
  private readonly title = inject(Title);

  protected readonly procedure = loader(
    () => this.code(),
    (code) => this.catalog.procedure(code),
  );
  protected readonly levelLabels = PROCEDURE_LEVEL_LABELS;
  protected readonly formLabels = DOCUMENT_FORM_LABELS;
  protected readonly applicants = computed(() =>
    (this.procedure.value()?.content.applicantTypes ?? [])
      .map((t) => APPLICANT_TYPE_LABELS[t] ?? t)
      .join(', '),
  );

  protected readonly setTitle = effect(() => {
    const p = this.procedure.value();
    if (p) this.title.setTitle(`${p.name} | ${SITE_NAME}`);
  });
}
