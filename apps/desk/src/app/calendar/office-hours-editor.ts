import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthStore, CatalogApi, DeskApi, fieldErrors, loader, toProblem } from '@dvc/channel/api-client';
import { agencySubtree, agencyTree, DateTimePipe, ProblemAlert } from '@dvc/channel/ui';
import type {
  AgencyOfficeHoursDto,
  AgencyUnitDto,
  Problem,
  PutAgencyOfficeHoursRequest,
} from '@dvc/shared/contracts';

type Field =
  | 'morningStart'
  | 'morningEnd'
  | 'afternoonStart'
  | 'afternoonEnd'
  | 'saturdayStart'
  | 'saturdayEnd';
type Form = Record<Field, string> & { saturday: boolean };

const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
/** API field of each input, to show the server's messages next to it. */
const API_FIELDS: Record<Field, string> = {
  morningStart: 'morning.start',
  morningEnd: 'morning.end',
  afternoonStart: 'afternoon.start',
  afternoonEnd: 'afternoon.end',
  saturdayStart: 'saturdayMorning.start',
  saturdayEnd: 'saturdayMorning.end',
};

/** Agencies as select options in tree order, indented by level. */
const options = (agencies: readonly AgencyUnitDto[]) =>
  agencyTree(agencies).map((n) => ({
    code: n.agency.code,
    label: '\u00a0\u00a0'.repeat(n.depth) + n.agency.name,
  }));

const toForm = (h: AgencyOfficeHoursDto): Form => ({
  morningStart: h.morning.start,
  morningEnd: h.morning.end,
  afternoonStart: h.afternoon.start,
  afternoonEnd: h.afternoon.end,
  saturday: !!h.saturdayMorning,
  saturdayStart: h.saturdayMorning?.start ?? '07:30',
  saturdayEnd: h.saturdayMorning?.end ?? '11:30',
});

/**
 * Office hours of an agency (giờ làm việc), in the calendar page: they decide when an online or
 * inbound dossier counts as received and the time of day a dossier is due. Agency administrators
 * edit their own agency and the units below it; system administrators every agency.
 */
@Component({
  selector: 'dvc-office-hours-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProblemAlert, DateTimePipe, NgTemplateOutlet],
  template: `
    <section class="card" aria-labelledby="oh-h" data-testid="office-hours">
      <h2 id="oh-h">Giờ làm việc của cơ quan</h2>
      <p class="form-hint">
        Hồ sơ nộp trực tuyến (hoặc từ Cổng Dịch vụ công quốc gia) ngoài giờ làm việc hoặc vào ngày nghỉ được
        tính là tiếp nhận vào giờ bắt đầu làm việc của ngày làm việc tiếp theo; hạn trả kết quả là giờ kết
        thúc buổi chiều. Tiếp nhận sáng thứ Bảy không làm thứ Bảy thành ngày làm việc khi tính thời hạn.
      </p>
      @if (agencies().length > 1) {
        <div class="form-field">
          <label for="oh-agency">Cơ quan, đơn vị</label>
          <select
            id="oh-agency"
            class="select"
            (change)="choose($any($event.target).value)"
            data-testid="office-hours-agency"
          >
            @for (n of agencies(); track n.code) {
              <option [value]="n.code" [selected]="n.code === code()">
                {{ n.label }}
              </option>
            }
          </select>
        </div>
      }
      @if (data.problem(); as p) {
        <dvc-problem-alert [problem]="p" [autoFocus]="false" />
      } @else if (data.value(); as v) {
        <p class="muted">
          {{ v.agencyName }}:
          @if (v.isDefault) {
            đang dùng giờ mặc định của hệ thống.
          } @else {
            giờ riêng, cập nhật {{ v.updatedAt | viDateTime }}.
          }
        </p>
        <form class="oh" novalidate (submit)="save($event)">
          <dvc-problem-alert [problem]="problem()" />
          @if (saved()) {
            <p class="saved" role="status">✓ Đã lưu giờ làm việc của {{ v.agencyName }}.</p>
          }
          <fieldset>
            <legend>Buổi sáng</legend>
            <ng-container *ngTemplateOutlet="range; context: { start: 'morningStart', end: 'morningEnd' }" />
          </fieldset>
          <fieldset>
            <legend>Buổi chiều</legend>
            <ng-container *ngTemplateOutlet="range; context: { start: 'afternoonStart', end: 'afternoonEnd' }" />
          </fieldset>
          <fieldset>
            <legend>Thứ Bảy</legend>
            <div class="checkbox">
              <input
                id="oh-sat"
                type="checkbox"
                [checked]="form().saturday"
                (change)="toggleSaturday($event)"
              />
              <label for="oh-sat">Có tiếp nhận hồ sơ sáng thứ Bảy</label>
            </div>
            @if (form().saturday) {
              <ng-container *ngTemplateOutlet="range; context: { start: 'saturdayStart', end: 'saturdayEnd' }" />
            }
          </fieldset>
          <div class="form-actions">
            <button
              type="submit"
              class="btn btn-primary"
              [disabled]="saving()"
              data-testid="office-hours-save"
            >
              {{ saving() ? 'Đang lưu…' : 'Lưu giờ làm việc' }}
            </button>
          </div>
        </form>
      }
    </section>

    <!-- One session: "Từ … đến …" with the message of each input under the row. -->
    <ng-template #range let-start="start" let-end="end">
      <div class="oh__row">
        @for (k of [start, end]; track k; let first = $first) {
          <label [for]="'oh-' + k">{{ first ? 'Từ' : 'đến' }}</label>
          <input
            [id]="'oh-' + k"
            type="time"
            class="input"
            [value]="value(k)"
            (change)="set(k, $event)"
            [attr.aria-invalid]="!!error(k)"
            [attr.aria-describedby]="error(k) ? 'oh-' + k + '-err' : null"
          />
        }
      </div>
      @for (k of [start, end]; track k) {
        @if (error(k); as e) {
          <p class="form-error" [id]="'oh-' + k + '-err'">{{ e }}</p>
        }
      }
    </ng-template>
  `,
  styles: `
    h2 {
      margin-top: 0;
      font-size: 1.125rem;
    }
    fieldset {
      border: 0;
      margin: 0 0 0.75rem;
      padding: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
    }
    .oh__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .oh__row .input {
      width: 9.5rem;
    }
    .saved {
      padding: 0.5rem 0.75rem;
      border-left: 5px solid var(--dvc-success);
      background: var(--dvc-success-bg);
      font-weight: 600;
    }
  `,
})
export class OfficeHoursEditor {
  private readonly api = inject(DeskApi);
  private readonly store = inject(AuthStore);
  private readonly all = toSignal(inject(CatalogApi).agencies(), { initialValue: [] });
  /** Agencies I may edit: every one for a system administrator, else mine and those below it. */
  protected readonly agencies = computed(() => {
    const me = this.store.official();
    if (!me) return [];
    return options(me.roles.includes('system_admin') ? this.all() : agencySubtree(this.all(), me.agency.id));
  });
  private readonly chosen = signal<string | null>(null);
  protected readonly code = computed(() => this.chosen() ?? this.store.official()?.agency.code);
  protected readonly data = loader(
    () => this.code(),
    (c) => this.api.officeHours(c),
  );
  protected readonly form = signal<Form>({
    morningStart: '',
    morningEnd: '',
    afternoonStart: '',
    afternoonEnd: '',
    saturday: false,
    saturdayStart: '',
    saturdayEnd: '',
  });
  protected readonly tried = signal(false);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly serverErrors = computed(() => fieldErrors(this.problem()));

  /** The same rules as the API: `HH:mm`, each session ends after it starts, no overlap, Saturday in the morning. */
  private readonly errors = computed(() => {
    const f = this.form();
    const out: Partial<Record<Field, string>> = {};
    const fields: Field[] = ['morningStart', 'morningEnd', 'afternoonStart', 'afternoonEnd'];
    if (f.saturday) fields.push('saturdayStart', 'saturdayEnd');
    for (const k of fields) if (!CLOCK.test(f[k])) out[k] = 'Nhập giờ theo định dạng HH:mm (vd. 07:30)';
    if (Object.keys(out).length) return out;
    if (f.morningStart >= f.morningEnd) out.morningEnd = 'Giờ kết thúc buổi sáng phải sau giờ bắt đầu';
    if (f.afternoonStart >= f.afternoonEnd) out.afternoonEnd = 'Giờ kết thúc buổi chiều phải sau giờ bắt đầu';
    else if (f.morningEnd > f.afternoonStart)
      out.afternoonStart =
        'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc (hai buổi không được chồng lấn)';
    if (f.saturday && f.saturdayStart >= f.saturdayEnd)
      out.saturdayEnd = 'Giờ kết thúc sáng thứ Bảy phải sau giờ bắt đầu';
    else if (f.saturday && f.saturdayEnd > '12:00')
      out.saturdayEnd = 'Tiếp nhận thứ Bảy chỉ trong buổi sáng (kết thúc trước 12:00)';
    return out;
  });

  constructor() {
    effect(() => {
      const v = this.data.value();
      untracked(() => {
        if (v) this.form.set(toForm(v));
        this.tried.set(false);
      });
    });
  }

  protected value(k: Field): string {
    return this.form()[k];
  }

  protected error(k: Field): string | null {
    return (this.tried() ? this.errors()[k] : undefined) ?? this.serverErrors()[API_FIELDS[k]] ?? null;
  }

  protected choose(code: string): void {
    this.chosen.set(code);
    this.saved.set(false);
    this.problem.set(null);
  }

  protected set(k: Field, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.form.update((f) => ({ ...f, [k]: value }));
    this.saved.set(false);
  }

  protected toggleSaturday(event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.form.update((f) => ({ ...f, saturday: on }));
    this.saved.set(false);
  }

  protected save(event: Event): void {
    event.preventDefault();
    const code = this.code();
    if (!code || this.saving()) return;
    this.tried.set(true);
    this.problem.set(null);
    if (Object.keys(this.errors()).length) {
      setTimeout(() => document.querySelector<HTMLElement>('.oh [aria-invalid="true"]')?.focus());
      return;
    }
    const f = this.form();
    const body: PutAgencyOfficeHoursRequest = {
      morning: { start: f.morningStart, end: f.morningEnd },
      afternoon: { start: f.afternoonStart, end: f.afternoonEnd },
      saturdayMorning: f.saturday ? { start: f.saturdayStart, end: f.saturdayEnd } : null,
    };
    this.saving.set(true);
    this.api.putOfficeHours(code, body).subscribe({
      next: (v) => {
        this.saving.set(false);
        this.data.set(v);
        this.saved.set(true);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }
}
