import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, DeskApi, loader, toProblem } from '@dvc/channel/api-client';
import {
  DateTimePipe,
  DossierStatusBadge,
  EmptyState,
  Loading,
  PageHeader,
  ProblemAlert,
  SlaBadge,
} from '@dvc/channel/ui';
import {
  DOSSIER_STATUS_LABELS,
  DeskCountsDto,
  DeskInboxItemDto,
  DeskInboxQuery,
  Problem,
} from '@dvc/shared/contracts';
import { INTAKE_ROLES } from '../roles';
import { DUE_FILTER_LABELS, DueFilter, FILTER_STATUSES } from './desk-labels';

interface Chip {
  id: string;
  label: string;
  count: (c: DeskCountsDto) => number;
  params: { due?: DueFilter; mine?: '1' };
  tone?: 'warning' | 'danger';
}

const CHIPS: Chip[] = [
  { id: 'open', label: 'Đang giải quyết', count: (c) => c.open, params: {} },
  { id: 'mine', label: 'Giao cho tôi', count: (c) => c.assignedToMe, params: { mine: '1' } },
  {
    id: 'today',
    label: 'Đến hạn hôm nay',
    count: (c) => c.dueToday,
    params: { due: 'today' },
    tone: 'warning',
  },
  { id: 'week', label: 'Sắp đến hạn', count: (c) => c.dueSoon, params: { due: 'week' }, tone: 'warning' },
  { id: 'overdue', label: 'Quá hạn', count: (c) => c.overdue, params: { due: 'overdue' }, tone: 'danger' },
];

const PAGE_SIZE = 20;

/** The official's inbox (`/ho-so`): dossiers of the units they serve, with counts, filters and keyset paging. */
@Component({
  selector: 'dvc-inbox',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    PageHeader,
    ProblemAlert,
    Loading,
    EmptyState,
    DossierStatusBadge,
    SlaBadge,
    DateTimePipe,
  ],
  templateUrl: './inbox.html',
  styleUrl: './inbox.css',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class Inbox {
  // Filters live in the URL, so a view can be bookmarked and Back works.
  readonly status = input<string>();
  readonly procedure = input<string>();
  readonly due = input<string>();
  readonly mine = input<string>();
  readonly q = input<string>();

  private readonly api = inject(DeskApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly store = inject(AuthStore);
  protected readonly statuses = FILTER_STATUSES;
  protected readonly statusLabels = DOSSIER_STATUS_LABELS;
  protected readonly dueLabels = DUE_FILTER_LABELS;
  protected readonly dueKeys = Object.keys(DUE_FILTER_LABELS) as DueFilter[];
  protected readonly chips = CHIPS;
  /** The filter form starts open on a laptop, folded on a phone (unless a filter is on). */
  protected filtersOpen = globalThis.matchMedia?.('(min-width: 40rem)').matches ?? true;
  protected readonly canIntake = computed(() => this.store.hasAnyRole(...INTAKE_ROLES));

  protected readonly query = computed<DeskInboxQuery>(() => {
    const due = this.due();
    return {
      status: this.status()?.trim() || undefined,
      procedure: this.procedure()?.trim() || undefined,
      due: due === 'today' || due === 'week' || due === 'overdue' ? due : undefined,
      assignedToMe: this.mine() === '1' || this.mine() === 'true' || undefined,
      q: this.q()?.trim() || undefined,
      limit: PAGE_SIZE,
    };
  });
  protected readonly filtered = computed(() => {
    const q = this.query();
    return !!(q.status || q.procedure || q.due || q.assignedToMe || q.q);
  });
  constructor() {
    if (this.filtered()) this.filtersOpen = true;
  }

  protected readonly activeChip = computed(() => {
    const q = this.query();
    if (q.status || q.procedure || q.q) return null;
    if (q.assignedToMe && !q.due) return 'mine';
    if (!q.assignedToMe && q.due) return q.due;
    if (!q.assignedToMe && !q.due) return 'open';
    return null;
  });

  protected readonly counts = loader(
    () => this.query(),
    () => this.api.counts(),
  );
  protected readonly first = loader(
    () => this.query(),
    (q) => this.api.inbox(q),
  );
  /** Pages fetched with "Xem thêm", forgotten whenever the filters change. */
  private readonly more = linkedSignal<
    DeskInboxQuery,
    { items: DeskInboxItemDto[]; next: string | null | undefined }
  >({
    source: this.query,
    computation: () => ({ items: [], next: undefined }),
  });
  protected readonly loadingMore = signal(false);
  protected readonly moreProblem = signal<Problem | null>(null);
  protected readonly rows = computed(() => [...(this.first.value()?.items ?? []), ...this.more().items]);
  protected readonly nextCursor = computed(() => {
    const m = this.more();
    return m.next !== undefined ? m.next : (this.first.value()?.nextCursor ?? null);
  });

  protected applyFilters(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim() || null;
    void this.router.navigate([], {
      queryParams: {
        status: text('status'),
        procedure: text('procedure'),
        due: text('due'),
        mine: data.get('mine') ? '1' : null,
        q: text('q'),
      },
    });
  }

  protected loadMore(): void {
    const after = this.nextCursor();
    if (!after || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreProblem.set(null);
    const firstNew = this.rows().length;
    this.api.inbox({ ...this.query(), after }).subscribe({
      next: (page) => {
        this.more.update((m) => ({ items: [...m.items, ...page.items], next: page.nextCursor }));
        this.loadingMore.set(false);
        // Keyboard users continue from the first new row.
        setTimeout(() => this.rowLinks()[firstNew]?.focus());
      },
      error: (e: unknown) => {
        this.loadingMore.set(false);
        this.moreProblem.set(toProblem(e));
      },
    });
  }

  private rowLinks(): HTMLElement[] {
    return Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[data-testid="inbox-link"]'));
  }

  /** j / k (anywhere but a form field) and ↓ / ↑ (inside the table) move between dossiers; Enter opens. */
  protected onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea, [contenteditable="true"], dialog')) return;
    const inTable = !!target.closest('.inbox-table');
    let step = 0;
    if (e.key === 'j' || (inTable && e.key === 'ArrowDown')) step = 1;
    else if (e.key === 'k' || (inTable && e.key === 'ArrowUp')) step = -1;
    if (!step) return;
    const links = this.rowLinks();
    if (!links.length) return;
    e.preventDefault();
    const i = links.indexOf(target.closest('tr')?.querySelector('[data-testid="inbox-link"]') as HTMLElement);
    const next =
      i < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, i + step));
    links[next].focus();
  }
}
