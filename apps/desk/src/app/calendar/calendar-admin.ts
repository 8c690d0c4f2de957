import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { DeskApi, loader, toProblem } from '@dvc/channel/api-client';
import { DatePipeVi, Loading, PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type { CalendarDayDto, Problem } from '@dvc/shared/contracts';
import { OfficeHoursEditor } from './office-hours-editor';

const KIND_LABELS: Record<CalendarDayDto['kind'], string> = {
  day_off: 'Ngày nghỉ',
  working_day: 'Ngày làm việc (làm bù)',
};
const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

interface EditRow {
  key: number;
  date: string;
  kind: CalendarDayDto['kind'];
  name: string;
  effectiveFrom: string;
  source: string | null;
}

let seq = 0;
const toRow = (d: CalendarDayDto): EditRow => ({
  key: ++seq,
  date: d.date,
  kind: d.kind,
  name: d.name,
  effectiveFrom: d.effectiveFrom ?? '',
  source: d.source,
});

/**
 * Working-day calendar (`/lich-lam-viec`) for agency administrators: the government's official
 * schedule of a year (extra days off, swapped working Saturdays) on top of the statutory holidays.
 */
@Component({
  selector: 'dvc-calendar-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Loading, DatePipeVi, OfficeHoursEditor],
  templateUrl: './calendar-admin.html',
  styleUrl: './calendar-admin.css',
})
export class CalendarAdmin {
  readonly nam = input<string>();
  private readonly api = inject(DeskApi);
  private readonly router = inject(Router);
  protected readonly kinds = KIND_LABELS;
  protected readonly kindKeys = Object.keys(KIND_LABELS) as CalendarDayDto['kind'][];

  protected readonly year = computed(() => {
    const n = Number(this.nam());
    return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : new Date().getFullYear();
  });
  protected readonly years = computed(() => {
    const now = new Date().getFullYear();
    return [now - 1, now, now + 1, now + 2];
  });
  protected readonly data = loader(
    () => this.year(),
    (y) => this.api.calendar(y),
  );
  protected readonly rows = signal<EditRow[]>([]);
  protected readonly dirty = signal(false);
  protected readonly saving = signal(false);
  protected readonly tried = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal(false);

  protected readonly errors = computed(() => {
    const out: Record<number, string> = {};
    const seen = new Set<string>();
    const y = String(this.year());
    for (const r of this.rows()) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date)) out[r.key] = 'Chọn ngày';
      else if (!r.date.startsWith(y)) out[r.key] = `Ngày phải thuộc năm ${y}`;
      else if (seen.has(r.date)) out[r.key] = 'Ngày này đã có ở dòng khác';
      else if (!r.name.trim()) out[r.key] = 'Nhập tên hoặc lý do';
      seen.add(r.date);
    }
    return out;
  });
  protected readonly resolvedOff = computed(() =>
    (this.data.value()?.resolved ?? []).filter((r) => !r.working),
  );
  protected readonly resolvedWork = computed(() =>
    (this.data.value()?.resolved ?? []).filter((r) => r.working),
  );

  constructor() {
    effect(() => {
      const v = this.data.value();
      untracked(() => {
        this.rows.set((v?.days ?? []).map(toRow));
        this.dirty.set(false);
      });
    });
  }

  protected weekday(date: string): string {
    const d = new Date(`${date}T00:00:00`);
    return Number.isNaN(d.getTime()) ? '' : WEEKDAYS[d.getDay()];
  }

  protected chooseYear(y: string): void {
    void this.router.navigate([], { queryParams: { nam: y } });
  }

  protected update(key: number, patch: Partial<EditRow>): void {
    this.rows.update((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    this.dirty.set(true);
    this.saved.set(false);
  }

  protected add(): void {
    this.rows.update((rows) => [
      ...rows,
      { key: ++seq, date: '', kind: 'day_off', name: '', effectiveFrom: '', source: null },
    ]);
    this.dirty.set(true);
    this.saved.set(false);
    setTimeout(() => document.getElementById(`cal-date-${seq}`)?.focus());
  }

  protected remove(key: number): void {
    this.rows.update((rows) => rows.filter((r) => r.key !== key));
    this.dirty.set(true);
    this.saved.set(false);
  }

  protected save(): void {
    this.tried.set(true);
    this.problem.set(null);
    if (Object.keys(this.errors()).length) {
      setTimeout(() => document.querySelector<HTMLElement>('.cal-edit [aria-invalid="true"]')?.focus());
      return;
    }
    const days: CalendarDayDto[] = [...this.rows()]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((r) => ({
        date: r.date,
        kind: r.kind,
        name: r.name.trim(),
        effectiveFrom: r.effectiveFrom || null,
        source: r.source,
      }));
    this.saving.set(true);
    this.api.putCalendar(this.year(), { days }).subscribe({
      next: (v) => {
        this.saving.set(false);
        this.tried.set(false);
        this.data.set(v);
        this.saved.set(true);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }

  protected discard(): void {
    this.rows.set((this.data.value()?.days ?? []).map(toRow));
    this.dirty.set(false);
    this.tried.set(false);
    this.problem.set(null);
  }
}
