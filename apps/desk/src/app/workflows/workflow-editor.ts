import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AdminCatalogApi, WorkflowAdminApi, loader, toProblem } from '@dvc/channel/api-client';
import { Alert, Badge, DateTimePipe, Loading, PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type {
  Problem,
  WorkflowDefinitionErrorDto,
  WorkflowGraphDto,
  WorkflowVersionSummaryDto,
} from '@dvc/shared/contracts';
import { map } from 'rxjs';
import { procedureName } from '../procedures/procedure-view';
import { WorkflowGraphView } from './workflow-graph-view';

/** Where a JSON syntax error is, in Vietnamese (line and column), from the engine's message. */
export function jsonSyntaxError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return 'Nội dung không phải JSON hợp lệ';
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const column = Number(pos[1]) - before.lastIndexOf('\n');
  return `Nội dung không phải JSON hợp lệ: lỗi cú pháp ở dòng ${line}, cột ${column}`;
}

/**
 * The workflow editor (`/quy-trinh/:code/phien-ban/:version`): the definition as JSON prefilled from
 * a stored version, "Kiểm tra" shows the validator's Vietnamese errors and the graph, "Lưu phiên
 * bản mới" stores it as the next version (a stored version never changes), and the version can be
 * assigned to a procedure from an instant on.
 */
@Component({
  selector: 'dvc-workflow-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Alert, Loading, Badge, DateTimePipe, WorkflowGraphView],
  templateUrl: './workflow-editor.html',
  styleUrl: './workflow-editor.css',
})
export class WorkflowEditor {
  readonly code = input.required<string>();
  readonly version = input.required<string>();
  private readonly api = inject(WorkflowAdminApi);
  private readonly catalog = inject(AdminCatalogApi);
  private readonly router = inject(Router);
  private readonly errorsHeading = viewChild<ElementRef<HTMLElement>>('errorsHeading');

  protected readonly stored = loader(
    () => ({ code: this.code(), version: Number(this.version()) }),
    (p) => this.api.version(p.code, p.version),
  );
  /** This version's use by procedures, from the list. */
  protected readonly usage = loader(
    () => ({ code: this.code(), version: Number(this.version()) }),
    (p) =>
      this.api
        .list()
        .pipe(
          map(
            (list): WorkflowVersionSummaryDto | null =>
              list.find((w) => w.code === p.code)?.versions.find((v) => v.version === p.version) ?? null,
          ),
        ),
  );
  protected readonly procedures = loader(
    () => true,
    () =>
      this.catalog
        .list()
        .pipe(map((list) => list.map((p) => ({ code: p.code, name: procedureName(p) })))),
  );

  protected readonly text = signal('');
  /** The text last checked (or loaded): the graph and errors shown are of this text. */
  protected readonly checkedText = signal<string | null>(null);
  protected readonly errors = signal<WorkflowDefinitionErrorDto[]>([]);
  protected readonly checkedOk = signal(false);
  protected readonly graph = signal<WorkflowGraphDto | null>(null);
  protected readonly busy = signal<'check' | 'save' | 'assign' | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly stale = computed(() => this.checkedText() !== null && this.checkedText() !== this.text());

  protected readonly assignCode = signal('');
  protected readonly assignFrom = signal('');
  protected readonly assignProblem = signal<Problem | null>(null);
  protected readonly assignNotice = signal<string | null>(null);

  constructor() {
    // A (re)loaded version fills the editor and shows its graph.
    effect(() => {
      const v = this.stored.value();
      if (!v) return;
      untracked(() => {
        const text = JSON.stringify(v.definition, null, 2);
        this.text.set(text);
        this.checkedText.set(text);
        this.errors.set([]);
        this.checkedOk.set(true);
        this.graph.set(v.graph);
      });
    });
  }

  protected onKeydown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      this.check();
    }
  }

  /** The editor's JSON, or null after showing where its syntax is wrong. */
  private parsed(): { value: unknown } | null {
    const text = this.text();
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      this.checkedText.set(text);
      this.checkedOk.set(false);
      this.errors.set([{ path: '', message: jsonSyntaxError(text, e) }]);
      this.focusErrors();
      return null;
    }
  }

  protected check(): void {
    this.problem.set(null);
    this.notice.set(null);
    const def = this.parsed();
    if (!def) return;
    const text = this.text();
    this.busy.set('check');
    this.api.validate(def.value).subscribe({
      next: (r) => {
        this.busy.set(null);
        this.checkedText.set(text);
        this.checkedOk.set(r.ok);
        this.errors.set(r.errors);
        this.graph.set(r.graph);
        this.focusErrors();
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.problem.set(toProblem(e));
      },
    });
  }

  protected save(): void {
    this.problem.set(null);
    this.notice.set(null);
    const def = this.parsed();
    if (!def) return;
    const text = this.text();
    this.busy.set('save');
    this.api.create(def.value).subscribe({
      next: (v) => {
        this.busy.set(null);
        void this.router
          .navigate(['/quy-trinh', v.code, 'phien-ban', v.version])
          .then(() => this.notice.set(`Đã lưu quy trình ${v.code} phiên bản ${v.version}.`));
      },
      error: (e: unknown) => {
        this.busy.set(null);
        const p = toProblem(e);
        if (p.code === 'INVALID_WORKFLOW' && p.errors) {
          this.checkedText.set(text);
          this.checkedOk.set(false);
          this.errors.set(p.errors.map((x) => ({ path: x.field, message: x.message })));
          this.problem.set({ ...p, detail: undefined, errors: undefined });
        } else this.problem.set(p);
      },
    });
  }

  protected assign(event: Event): void {
    event.preventDefault();
    this.assignProblem.set(null);
    this.assignNotice.set(null);
    const v = this.stored.value();
    if (!v) return;
    if (!this.assignCode()) {
      this.assignProblem.set({
        type: 'about:blank',
        code: 'VALIDATION_FAILED',
        status: 400,
        title: 'Vui lòng chọn thủ tục',
        errors: [{ field: 'procedureCode', message: 'Vui lòng chọn thủ tục áp dụng quy trình' }],
      });
      return;
    }
    const from = this.assignFrom();
    this.busy.set('assign');
    this.api
      .assign(this.assignCode(), {
        code: v.code,
        version: v.version,
        ...(from ? { effectiveFrom: new Date(from).toISOString() } : {}),
      })
      .subscribe({
        next: (r) => {
          this.busy.set(null);
          const when = new Date(r.effectiveFrom).toLocaleString('vi-VN');
          this.assignNotice.set(
            `Từ ${when}, hồ sơ mới của thủ tục ${r.procedureCode} theo quy trình ${r.code} phiên bản ${r.version}. Hồ sơ đã nộp giữ nguyên quy trình cũ.`,
          );
          this.usage.reload();
        },
        error: (e: unknown) => {
          this.busy.set(null);
          this.assignProblem.set(toProblem(e));
        },
      });
  }

  protected isFuture(iso: string): boolean {
    return new Date(iso).getTime() > Date.now();
  }

  private focusErrors(): void {
    setTimeout(() => this.errorsHeading()?.nativeElement.focus());
  }
}
