import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AdminCatalogApi, loader } from '@dvc/channel/api-client';
import { EmptyState, Loading, PageHeader, ProblemAlert, StatusBadge } from '@dvc/channel/ui';
import { PROCEDURE_LEVEL_LABELS } from '@dvc/shared/contracts';
import { draftVersion, procedureName, publishedVersion } from './procedure-view';

/** Procedures of the administrator's agency units (`/thu-tuc?q=`). */
@Component({
  selector: 'dvc-procedure-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Loading, EmptyState, StatusBadge],
  templateUrl: './procedure-list.html',
  styles: `
    .search {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: flex-end;
      margin-bottom: 1rem;
    }
    .search .form-field {
      flex: 1 1 18rem;
      margin: 0;
    }
    .count {
      margin: 0 0 0.5rem;
    }
    .name {
      min-width: 16rem;
    }
    .name a {
      font-weight: 600;
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
  `,
})
export class ProcedureList {
  readonly q = input<string>();
  private readonly api = inject(AdminCatalogApi);
  private readonly router = inject(Router);
  protected readonly levelLabels = PROCEDURE_LEVEL_LABELS;
  protected readonly query = computed(() => this.q()?.trim() ?? '');
  protected readonly list = loader(
    () => this.query(),
    (q) => this.api.list(q || undefined),
  );
  protected readonly rows = computed(() =>
    (this.list.value() ?? []).map((p) => ({
      p,
      name: procedureName(p),
      published: publishedVersion(p),
      draft: draftVersion(p),
    })),
  );

  protected search(event: Event, q: string): void {
    event.preventDefault();
    void this.router.navigate([], { queryParams: { q: q.trim() || null } });
  }
}
