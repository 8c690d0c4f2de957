import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { AuthStore, CatalogApi, DeskApi, toProblem } from '@dvc/channel/api-client';
import { ProblemAlert } from '@dvc/channel/ui';
import {
  DOSSIER_STATUS_LABELS,
  DeskActionRequest,
  DeskAllowedAction,
  DeskAssigneeDto,
  DeskDossierDetailDto,
  Problem,
  ROLE_LABELS,
  SupplementItem,
} from '@dvc/shared/contracts';
import { map } from 'rxjs';
import { actionTone } from './desk-labels';

/**
 * The form of one workflow action: asks only for what the action requires (note, assignee, target
 * unit, missing items), then posts it with the dossier's `rowVersion`. Built on the native modal
 * `<dialog>` (focus trap, Esc closes). A stale version is reported through `stale`.
 */
@Component({
  selector: 'dvc-action-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProblemAlert],
  templateUrl: './action-dialog.html',
  styleUrl: './action-dialog.css',
})
export class ActionDialog {
  readonly dossier = input.required<DeskDossierDetailDto>();
  /** The updated dossier after a successful action. */
  readonly done = output<{ action: DeskAllowedAction; dossier: DeskDossierDetailDto }>();
  /** Someone else changed the dossier meanwhile (409 STALE_VERSION). */
  readonly stale = output<void>();

  private readonly api = inject(DeskApi);
  private readonly catalog = inject(CatalogApi);
  private readonly store = inject(AuthStore);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dlg');
  protected readonly statusLabels = DOSSIER_STATUS_LABELS;

  protected readonly action = signal<DeskAllowedAction | null>(null);
  protected readonly note = signal('');
  protected readonly assigneeId = signal('');
  protected readonly targetUnitCode = signal('');
  protected readonly items = signal<SupplementItem[]>([{ name: '', note: '' }]);
  protected readonly assignees = signal<DeskAssigneeDto[] | null>(null);
  protected readonly units = signal<{ code: string; name: string }[] | null>(null);
  protected readonly submitting = signal(false);
  protected readonly tried = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  /** Approval: the e-result PDF the leader signs, unless the result is issued on paper. */
  protected readonly resultFile = signal<File | null>(null);
  protected readonly paperResult = signal(false);
  protected readonly progress = signal<number | null>(null);
  protected readonly asksResult = computed(() => this.action()?.action === 'approve');
  protected readonly tone = computed(() => actionTone(this.action()?.action ?? 'assign'));

  protected readonly errors = computed(() => {
    const a = this.action();
    const out: { note?: string; assignee?: string; unit?: string; items?: string; file?: string } = {};
    if (!a) return out;
    if (this.asksResult() && !this.paperResult()) {
      const f = this.resultFile();
      if (!f) out.file = 'Vui lòng chọn tệp PDF kết quả giải quyết để ký số';
      else if (!/\.pdf$/i.test(f.name)) out.file = `Tệp "${f.name}" không phải tệp PDF; kết quả giải quyết phải là tệp PDF`;
    }
    if (a.requiresNote && !this.note().trim()) out.note = 'Vui lòng ghi rõ lý do hoặc nội dung';
    if (a.requiresAssignee && !this.assigneeId()) out.assignee = 'Vui lòng chọn cán bộ xử lý';
    if (a.requiresTargetUnit && !this.targetUnitCode().trim()) out.unit = 'Vui lòng chọn đơn vị nhận hồ sơ';
    if (a.requiresItems && !this.items().some((i) => i.name.trim()))
      out.items = 'Vui lòng nêu ít nhất một giấy tờ cần bổ sung';
    return out;
  });

  protected readonly roleLabel = (r: string) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r;

  open(action: DeskAllowedAction): void {
    this.action.set(action);
    this.note.set('');
    this.assigneeId.set('');
    this.targetUnitCode.set('');
    this.items.set([{ name: '', note: '' }]);
    this.resultFile.set(null);
    this.paperResult.set(false);
    this.progress.set(null);
    this.problem.set(null);
    this.tried.set(false);
    this.submitting.set(false);
    if (action.requiresAssignee) this.loadAssignees();
    if (action.requiresTargetUnit) this.loadUnits();
    this.dialog().nativeElement.showModal();
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  private loadAssignees(): void {
    this.assignees.set(null);
    this.api.assignees(this.dossier().id).subscribe({
      next: (list) => {
        this.assignees.set(list);
        // A specialist most often takes the dossier themselves.
        const me = this.store.official();
        if (me && me.roles.includes('specialist') && list.some((a) => a.id === me.id))
          this.assigneeId.set(me.id);
      },
      error: (e: unknown) => {
        this.assignees.set([]);
        this.problem.set(toProblem(e));
      },
    });
  }

  private loadUnits(): void {
    if (this.units()) return;
    this.catalog.agencies().subscribe({
      next: (list) =>
        this.units.set(
          list
            .filter((u) => u.id !== this.dossier().currentUnit.id)
            .map((u) => ({ code: u.code, name: u.name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
        ),
      error: () => this.units.set([]),
    });
  }

  protected pickResult(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.resultFile.set(input.files?.[0] ?? null);
    this.problem.set(null);
  }

  protected isMe(id: string): boolean {
    return this.store.official()?.id === id;
  }

  protected setItem(i: number, key: keyof SupplementItem, value: string): void {
    this.items.update((list) => list.map((it, j) => (j === i ? { ...it, [key]: value } : it)));
  }

  protected addItem(): void {
    this.items.update((list) => [...list, { name: '', note: '' }]);
    setTimeout(() =>
      this.dialog()
        .nativeElement.querySelector<HTMLInputElement>(`#act-item-name-${this.items().length - 1}`)
        ?.focus(),
    );
  }

  protected removeItem(i: number): void {
    this.items.update((list) =>
      list.length > 1 ? list.filter((_, j) => j !== i) : [{ name: '', note: '' }],
    );
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const a = this.action();
    if (!a || this.submitting()) return;
    this.tried.set(true);
    if (Object.keys(this.errors()).length) {
      setTimeout(() =>
        this.dialog().nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const body: DeskActionRequest = { action: a.action, expectedVersion: this.dossier().rowVersion };
    const note = this.note().trim();
    if (note) body.note = note;
    if (a.requiresAssignee && this.assigneeId()) body.assigneeId = this.assigneeId();
    if (a.requiresTargetUnit && this.targetUnitCode().trim())
      body.targetUnitCode = this.targetUnitCode().trim();
    if (a.requiresItems) {
      body.items = this.items()
        .filter((i) => i.name.trim())
        .map((i) =>
          i.note?.trim() ? { name: i.name.trim(), note: i.note.trim() } : { name: i.name.trim() },
        );
    }
    this.submitting.set(true);
    this.problem.set(null);
    const file = this.asksResult() && !this.paperResult() ? this.resultFile() : null;
    const request = file
      ? this.api.approveWithResult(this.dossier().id, file, body.expectedVersion, note || undefined)
      : this.api.act(this.dossier().id, body).pipe(map((dossier) => ({ kind: 'done' as const, dossier })));
    request.subscribe({
      next: (ev) => {
        if (ev.kind === 'progress') {
          this.progress.set(ev.percent);
          return;
        }
        this.submitting.set(false);
        this.close();
        this.done.emit({ action: a, dossier: ev.dossier });
      },
      error: (e: unknown) => {
        this.submitting.set(false);
        this.progress.set(null);
        const p = toProblem(e);
        if (p.code === 'STALE_VERSION' || (p.status === 409 && !['ACTION_NOT_ALLOWED', 'SIGNER_NOT_CONFIGURED'].includes(p.code))) {
          this.close();
          this.stale.emit();
          return;
        }
        this.problem.set(p);
      },
    });
  }
}
