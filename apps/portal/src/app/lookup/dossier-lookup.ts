import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { DossierApi, toProblem } from '@dvc/channel/api-client';
import { Alert, DatePipeVi, DateTimePipe, PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type { DossierLookupDto, Problem } from '@dvc/shared/contracts';

type Field = 'code' | 'factor';

/**
 * `/tra-cuu` — public lookup of a dossier's status by its code plus the applicant's phone number or
 * identity number. No login; shows status and dates only. The API answers a wrong code and a wrong
 * second factor the same way (no enumeration) and rate-limits (429).
 */
@Component({
  selector: 'dvc-dossier-lookup',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, PageHeader, ProblemAlert, Alert, DateTimePipe, DatePipeVi],
  template: `
    <div class="container lookup">
      <dvc-page-header
        heading="Tra cứu hồ sơ"
        lead="Xem tình trạng giải quyết hồ sơ bằng mã hồ sơ và số điện thoại hoặc số định danh cá nhân của người nộp."
      >
        <nav breadcrumb class="breadcrumb" aria-label="Đường dẫn">
          <ol>
            <li><a routerLink="/">Trang chủ</a></li>
            <li><span aria-current="page">Tra cứu hồ sơ</span></li>
          </ol>
        </nav>
      </dvc-page-header>

      <div class="card">
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div class="form-field">
            <label for="code">Mã hồ sơ <span aria-hidden="true">*</span></label>
            <p class="form-hint" id="code-hint">In trên giấy tiếp nhận, ví dụ 000.31.00.H99-260609-0001.</p>
            @if (error('code'); as e) {
              <p class="form-error" id="code-error">{{ e }}</p>
            }
            <input
              id="code"
              class="input"
              formControlName="code"
              autocomplete="off"
              spellcheck="false"
              required
              data-testid="lookup-code"
              [attr.aria-invalid]="!!error('code')"
              [attr.aria-describedby]="error('code') ? 'code-hint code-error' : 'code-hint'"
            />
          </div>
          <div class="form-field">
            <label for="factor"
              >Số điện thoại hoặc số định danh cá nhân <span aria-hidden="true">*</span></label
            >
            <p class="form-hint" id="factor-hint">
              Của người đứng tên nộp hồ sơ, để bảo vệ thông tin của bạn.
            </p>
            @if (error('factor'); as e) {
              <p class="form-error" id="factor-error">{{ e }}</p>
            }
            <input
              id="factor"
              class="input"
              formControlName="factor"
              autocomplete="off"
              inputmode="tel"
              required
              data-testid="lookup-factor"
              [attr.aria-invalid]="!!error('factor')"
              [attr.aria-describedby]="error('factor') ? 'factor-hint factor-error' : 'factor-hint'"
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="lookup-submit">
              {{
                busy()
                  ? 'Đang tra cứu…'
                  : waitSeconds() > 0
                    ? 'Tra cứu (chờ ' + waitSeconds() + ' giây)'
                    : 'Tra cứu'
              }}
            </button>
          </div>
        </form>
      </div>

      <div class="result" aria-live="polite">
        @if (limited()) {
          <dvc-alert
            tone="warning"
            heading="Bạn đã tra cứu quá nhiều lần"
            tabindex="-1"
            data-testid="lookup-rate-limited"
          >
            <p>
              Để bảo vệ thông tin hồ sơ, mỗi người chỉ được tra cứu một số lần trong một khoảng thời gian. Vui
              lòng thử lại sau {{ retryText() }}.
            </p>
          </dvc-alert>
        } @else if (notFound()) {
          <dvc-alert
            tone="warning"
            heading="Không tìm thấy hồ sơ"
            tabindex="-1"
            data-testid="lookup-not-found"
          >
            <p>
              Không có hồ sơ nào khớp với mã hồ sơ và số điện thoại hoặc số định danh đã nhập. Vui lòng kiểm
              tra lại từng ký tự của mã hồ sơ (in trên giấy tiếp nhận) và thông tin người nộp.
            </p>
          </dvc-alert>
        }
        <dvc-problem-alert [problem]="problem()" />
        @if (result(); as r) {
          <section class="card found" aria-labelledby="found-title" data-testid="lookup-result">
            <h2 id="found-title" tabindex="-1">Hồ sơ {{ r.code }}</h2>
            <dl class="facts">
              <div>
                <dt>Thủ tục</dt>
                <dd>{{ r.procedureName }}</dd>
              </div>
              <div>
                <dt>Tình trạng</dt>
                <dd>
                  <strong data-testid="lookup-status">{{ r.statusLabel }}</strong>
                </dd>
              </div>
              <div>
                <dt>Ngày tiếp nhận</dt>
                <dd>{{ r.receivedAt | viDateTime }}</dd>
              </div>
              <div>
                <dt>Ngày hẹn trả kết quả</dt>
                <dd>{{ r.dueAt | viDate }}</dd>
              </div>
            </dl>
          </section>
        }
      </div>
    </div>
  `,
  styles: `
    .lookup {
      max-width: 42rem;
    }
    .result {
      margin-top: 1rem;
    }
    .found h2:focus {
      outline: none;
    }
  `,
})
export class DossierLookup {
  /** `?ma=` pre-fills the code (links from the receipt or the success page); the second factor never travels in a URL. */
  readonly ma = input<string>();
  private readonly api = inject(DossierApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.maxLength(64)]],
    factor: ['', [Validators.required, Validators.maxLength(32)]],
  });
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly result = signal<DossierLookupDto | null>(null);
  protected readonly notFound = signal(false);
  protected readonly limited = signal(false);
  protected readonly waitSeconds = signal(0);
  protected readonly problem = signal<Problem | null>(null);
  /** Said once when the limit is hit (a live countdown would be re-announced every second). */
  protected readonly retryText = signal('');
  private timer: ReturnType<typeof setInterval> | null = null;

  private readonly stopTimer = inject(DestroyRef).onDestroy(() => this.timer && clearInterval(this.timer));

  private readonly prefill = afterNextRender(() => {
    const code = this.ma();
    if (code && !this.form.controls.code.value) this.form.controls.code.setValue(code.slice(0, 64));
  });

  protected error(name: Field): string | null {
    const c = this.form.controls[name];
    if (!(c.touched || this.submitted()) || c.valid) return null;
    if (name === 'code')
      return c.hasError('required') ? 'Vui lòng nhập mã hồ sơ' : 'Mã hồ sơ tối đa 64 ký tự';
    return c.hasError('required')
      ? 'Vui lòng nhập số điện thoại hoặc số định danh cá nhân'
      : 'Số điện thoại hoặc số định danh tối đa 32 ký tự';
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    if (this.waitSeconds() > 0) {
      // Still limited: say so again rather than spend another request.
      this.limited.set(true);
      this.focusResult('[data-testid="lookup-rate-limited"]');
      return;
    }
    const { code, factor } = this.form.getRawValue();
    this.busy.set(true);
    this.result.set(null);
    this.notFound.set(false);
    this.limited.set(false);
    this.problem.set(null);
    this.api.lookup(code.trim(), factor.trim()).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.result.set(r);
        this.focusResult('#found-title');
      },
      error: (e: unknown) => {
        this.busy.set(false);
        if (e instanceof HttpErrorResponse && e.status === 404) {
          this.notFound.set(true);
          this.focusResult('[data-testid="lookup-not-found"]');
        } else if (e instanceof HttpErrorResponse && e.status === 429) {
          this.rateLimited(e);
          this.focusResult('[data-testid="lookup-rate-limited"]');
        } else this.problem.set(toProblem(e));
      },
    });
  }

  /** The answer takes focus, so keyboard and screen-reader users land on it. */
  private focusResult(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private rateLimited(e: HttpErrorResponse): void {
    this.limited.set(true);
    const header = e.headers.get('Retry-After');
    const seconds =
      header && /^\d+$/.test(header)
        ? Number(header)
        : header
          ? Math.ceil((Date.parse(header) - Date.now()) / 1000)
          : 60;
    const wait = Math.max(1, Math.min(seconds || 60, 3600));
    this.waitSeconds.set(wait);
    this.retryText.set(wait < 90 ? `${wait} giây` : `khoảng ${Math.ceil(wait / 60)} phút`);
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.waitSeconds.update((s) => Math.max(0, s - 1));
      if (this.waitSeconds() === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }, 1000);
  }
}
