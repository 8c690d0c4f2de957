import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { CatalogApi, loader } from '@dvc/channel/api-client';
import {
  ONLINE_LEVEL_LABELS,
  OnlineLevel,
  PROCEDURE_LEVEL_LABELS,
  ProcedureLevel,
  ProcedureSearchQuery,
} from '@dvc/shared/contracts';
import {
  EmptyState,
  Loading,
  OnlineLevelBadge,
  PageHeader,
  Pager,
  ProblemAlert,
  TimeLimitPipe,
  agencyTree,
} from '@dvc/channel/ui';
import { catchError, of } from 'rxjs';

const PAGE_SIZE = 10;

function oneOf<T extends string>(value: string | undefined, allowed: Record<T, string>): T | undefined {
  return value && Object.prototype.hasOwnProperty.call(allowed, value) ? (value as T) : undefined;
}

/** Search results; every criterion lives in the URL query (`?q=&field=&agency=&level=&onlineLevel=&page=`). */
@Component({
  selector: 'dvc-procedure-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    PageHeader,
    Pager,
    ProblemAlert,
    Loading,
    EmptyState,
    OnlineLevelBadge,
    TimeLimitPipe,
  ],
  templateUrl: './procedure-search.html',
  styleUrl: './procedure-search.css',
})
export class ProcedureSearch {
  // Bound from query parameters (withComponentInputBinding).
  readonly q = input<string>();
  readonly field = input<string>();
  readonly agency = input<string>();
  readonly level = input<string>();
  readonly onlineLevel = input<string>();
  readonly page = input<string>();

  private readonly router = inject(Router);
  private readonly catalog = inject(CatalogApi);

  protected readonly levelLabels = PROCEDURE_LEVEL_LABELS;
  protected readonly levelOptions = Object.entries(PROCEDURE_LEVEL_LABELS) as [ProcedureLevel, string][];
  protected readonly onlineOptions = Object.entries(ONLINE_LEVEL_LABELS) as [OnlineLevel, string][];
  protected readonly fields = toSignal(this.catalog.fields().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  private readonly agencies = toSignal(this.catalog.agencies().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly agencyOptions = computed(() =>
    agencyTree(this.agencies()).map((n) => ({
      code: n.agency.code,
      label: '\u00a0\u00a0'.repeat(n.depth) + n.agency.name,
    })),
  );

  protected readonly query = computed<ProcedureSearchQuery>(() => {
    const page = Number.parseInt(this.page() ?? '1', 10);
    return {
      q: this.q()?.trim() || undefined,
      field: this.field() || undefined,
      agency: this.agency() || undefined,
      level: oneOf(this.level(), PROCEDURE_LEVEL_LABELS),
      onlineLevel: oneOf(this.onlineLevel(), ONLINE_LEVEL_LABELS),
      page: Number.isFinite(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZE,
    };
  });
  protected readonly filterCount = computed(() => {
    const q = this.query();
    return [q.field, q.agency, q.level, q.onlineLevel].filter(Boolean).length;
  });
  protected readonly hasFilters = computed(() => this.filterCount() > 0);
  /** Filters start open beside the results on wide screens, folded above them on phones. */
  protected readonly filtersOpen = globalThis.matchMedia?.('(min-width: 56rem)').matches ?? true;
  protected readonly results = loader(
    () => this.query(),
    (q) => this.catalog.search(q),
  );

  protected readonly heading = computed(() => {
    const q = this.query().q;
    return q ? `Kết quả tìm kiếm “${q}”` : 'Tra cứu thủ tục hành chính';
  });

  protected pageCount(total: number, pageSize: number): number {
    return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  }

  protected searchText(event: Event, q: string): void {
    event.preventDefault();
    this.update({ q: q.trim() || null });
  }

  protected filter(name: 'field' | 'agency' | 'level' | 'onlineLevel', event: Event): void {
    this.update({ [name]: (event.target as HTMLSelectElement).value || null });
  }

  protected goToPage(page: number): void {
    void this.router.navigate([], {
      queryParams: { page: page > 1 ? page : null },
      queryParamsHandling: 'merge',
    });
    document.getElementById('results-title')?.focus();
  }

  protected clearFilters(): void {
    void this.router.navigate([], { queryParams: { q: this.query().q ?? null } });
  }

  private update(patch: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams: { ...patch, page: null }, queryParamsHandling: 'merge' });
  }
}
