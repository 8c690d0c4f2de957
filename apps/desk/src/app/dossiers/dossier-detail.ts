import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { CatalogApi, DeskApi, fileNameFrom, loader, saveBlob, toProblem } from '@dvc/channel/api-client';
import { EformSummary, FormSchema } from '@dvc/channel/eform';
import {
  Alert,
  DateTimePipe,
  DossierStatusBadge,
  Loading,
  PageHeader,
  ProblemAlert,
  SignedResult,
  SlaBadge,
} from '@dvc/channel/ui';
import {
  DOSSIER_CHANNEL_LABELS,
  DOSSIER_STATUS_LABELS,
  DeskAllowedAction,
  DeskDossierDetailDto,
  DeskEventDto,
  Problem,
  SupplementItem,
  TERMINAL_DOSSIER_STATUSES,
} from '@dvc/shared/contracts';
import { catchError, map, of } from 'rxjs';
import { ActionDialog } from './action-dialog';
import { ACTOR_KIND_LABELS, actionTone, eventLabel } from './desk-labels';
import { DossierApologies } from './dossier-apologies';
import { DossierDocuments } from './dossier-documents';
import { DossierForms } from './dossier-forms';

type Tab = 'form' | 'documents' | 'history' | 'steps';
const TABS: { id: Tab; label: string }[] = [
  { id: 'form', label: 'Tờ khai' },
  { id: 'documents', label: 'Giấy tờ' },
  { id: 'history', label: 'Quá trình xử lý' },
  { id: 'steps', label: 'Thời hạn các bước' },
];

interface StepRow {
  key: string;
  stepName: string;
  unit: string;
  official: string | null;
  from: string | null;
  at: string;
  dueAt: string | null;
  finishedAt: string | null;
  onTime: boolean | null;
  note: string | null;
}

function itemsOf(e: DeskEventDto): SupplementItem[] {
  const items = e.data?.['items'];
  return Array.isArray(items)
    ? items.filter(
        (i): i is SupplementItem =>
          !!i && typeof i === 'object' && typeof (i as SupplementItem).name === 'string',
      )
    : [];
}

/** One dossier at the desk (`/ho-so/:id`): facts, e-form, documents, history, step deadlines, and the allowed actions. */
@Component({
  selector: 'dvc-dossier-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    PageHeader,
    ProblemAlert,
    Loading,
    Alert,
    DossierStatusBadge,
    SlaBadge,
    DateTimePipe,
    EformSummary,
    ActionDialog,
    DossierDocuments,
    DossierApologies,
    DossierForms,
    SignedResult,
  ],
  templateUrl: './dossier-detail.html',
  styleUrl: './dossier-detail.css',
})
export class DossierDetail {
  readonly id = input.required<string>();
  private readonly api = inject(DeskApi);
  private readonly catalog = inject(CatalogApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly dialog = viewChild(ActionDialog);

  protected readonly tabs = TABS;
  protected readonly tab = signal<Tab>('form');
  protected readonly channelLabels = DOSSIER_CHANNEL_LABELS;
  protected readonly statusLabels = DOSSIER_STATUS_LABELS;
  protected readonly actorLabels = ACTOR_KIND_LABELS;
  protected readonly eventLabel = eventLabel;
  protected readonly itemsOf = itemsOf;
  protected readonly tone = actionTone;

  protected readonly detail = loader(
    () => this.id(),
    (id) => this.api.get(id),
  );
  protected readonly d = computed(() => this.detail.value());
  protected readonly isClosed = computed(() => {
    const d = this.d();
    return !!d && TERMINAL_DOSSIER_STATUSES.includes(d.status);
  });

  /** The procedure's form schema, for field titles (falls back to raw keys when it cannot be loaded). */
  protected readonly schema = loader(
    () => this.d()?.procedure.code,
    (code) =>
      this.catalog.procedure(code).pipe(
        map((p) => (p.content?.formSchema ?? null) as FormSchema | null),
        catchError(() => of(null)),
      ),
  );

  /** Mẫu 05 data; reloaded whenever the dossier changes. */
  protected readonly sheet = loader(
    () => {
      const d = this.d();
      return d ? { id: d.id, v: d.rowVersion } : undefined;
    },
    ({ id }) => this.api.controlSheet(id).pipe(catchError(() => of(null))),
  );

  protected readonly stepRows = computed<StepRow[]>(() => {
    const sheet = this.sheet.value();
    if (sheet?.rows?.length) {
      return sheet.rows.map((r) => ({
        key: `${r.seq}`,
        stepName: r.stepName,
        unit: r.toUnit.name,
        official: r.toOfficial?.fullName ?? null,
        from: r.fromOfficial?.fullName ?? r.fromUnit?.name ?? null,
        at: r.handedOverAt,
        dueAt: r.dueAt,
        finishedAt: r.finishedAt,
        onTime: r.onTime,
        note: r.note,
      }));
    }
    return (this.d()?.steps ?? []).map((s) => ({
      key: s.id,
      stepName: s.stepName,
      unit: s.unit.name,
      official: s.assignee?.fullName ?? null,
      from: null,
      at: s.startedAt,
      dueAt: s.dueAt,
      finishedAt: s.finishedAt,
      onTime: s.onTime,
      note: null,
    }));
  });
  /** Step ids → names, from the steps the dossier went through (history shows names, not ids). */
  private readonly stepNames = computed(() => {
    const d = this.d();
    const names = new Map<string, string>();
    for (const s of d?.steps ?? []) names.set(s.stepId, s.stepName);
    if (d) names.set(d.step.id, d.step.name);
    return names;
  });
  protected stepMove(e: DeskEventDto): string | null {
    if (!e.fromStep || !e.toStep || e.fromStep === e.toStep) return null;
    const from = this.stepNames().get(e.fromStep);
    const to = this.stepNames().get(e.toStep);
    return from && to ? `${from} → ${to}` : null;
  }
  protected readonly events = computed(() =>
    [...(this.d()?.events ?? [])].sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id)),
  );
  protected readonly currentStepDue = computed(() => {
    const d = this.d();
    if (!d) return null;
    const open = [...d.steps].reverse().find((s) => !s.finishedAt && s.stepId === d.step.id);
    return open?.dueAt ?? null;
  });

  protected readonly stale = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly resultBusy = signal(false);
  protected readonly resultProblem = signal<Problem | null>(null);

  /** The signed e-result, fetched with the bearer token and saved by the browser. */
  protected downloadResult(): void {
    const r = this.d()?.result;
    if (!r || this.resultBusy()) return;
    this.resultBusy.set(true);
    this.resultProblem.set(null);
    this.api.file(r.href).subscribe({
      next: (res) => {
        this.resultBusy.set(false);
        if (res.body) saveBlob(res.body, fileNameFrom(res, r.fileName));
      },
      error: (e: unknown) => {
        this.resultBusy.set(false);
        this.resultProblem.set(toProblem(e));
      },
    });
  }

  protected open(a: DeskAllowedAction): void {
    this.message.set(null);
    this.dialog()?.open(a);
  }

  protected done(e: { action: DeskAllowedAction; dossier: DeskDossierDetailDto }): void {
    this.detail.set(e.dossier);
    this.stale.set(false);
    this.message.set(
      `Đã thực hiện “${e.action.label}”. Hồ sơ hiện ở trạng thái: ${e.dossier.statusLabel || DOSSIER_STATUS_LABELS[e.dossier.status]}.`,
    );
    this.focusSoon('[data-testid="action-result"]');
  }

  protected onStale(): void {
    this.stale.set(true);
    this.message.set(null);
    this.focusSoon('[data-testid="stale-alert"] button');
  }

  protected reload(): void {
    this.stale.set(false);
    this.detail.reload();
  }

  protected selectTab(t: Tab, focus = false): void {
    this.tab.set(t);
    if (focus) this.focusSoon(`#tab-${t}`);
  }

  /** ← → Home End move between tabs (WAI-ARIA tabs pattern, automatic activation). */
  protected tabKey(e: KeyboardEvent): void {
    const i = TABS.findIndex((t) => t.id === this.tab());
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    this.selectTab(TABS[next].id, true);
  }

  protected tabCount(t: Tab): number | null {
    const d = this.d();
    if (!d) return null;
    if (t === 'documents') return d.documents.length;
    if (t === 'history') return d.events.length;
    return null;
  }

  private focusSoon(selector: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }
}
