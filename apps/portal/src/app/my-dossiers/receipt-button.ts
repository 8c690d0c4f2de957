import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { DossierApi, fileNameFrom, saveBlob, toProblem } from '@dvc/channel/api-client';

/**
 * "Tải giấy tiếp nhận (PDF)": Mẫu 01, giấy tiếp nhận hồ sơ và hẹn trả kết quả. Fetched with the
 * citizen's token (the API needs it) and handed to the browser as a download.
 */
@Component({
  selector: 'dvc-receipt-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'receipt' },
  template: `
    <button
      type="button"
      class="btn btn-primary"
      (click)="download()"
      [disabled]="busy()"
      [attr.aria-describedby]="error() ? errorId : null"
      data-testid="download-receipt"
    >
      <span aria-hidden="true">⤓</span>
      {{ busy() ? 'Đang tải giấy tiếp nhận…' : 'Tải giấy tiếp nhận (PDF)' }}
    </button>
    @if (error(); as e) {
      <p class="form-error" [id]="errorId" role="alert">{{ e }}</p>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 0.25rem;
    }
  `,
})
export class ReceiptButton {
  private static seq = 0;
  readonly dossierId = input.required<string>();
  readonly code = input('');
  private readonly api = inject(DossierApi);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorId = `receipt-error-${++ReceiptButton.seq}`;

  protected download(): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.receipt(this.dossierId()).subscribe({
      next: (res) => {
        this.busy.set(false);
        if (res.body)
          saveBlob(res.body, fileNameFrom(res, `giay-tiep-nhan-${this.code() || this.dossierId()}.pdf`));
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const p = toProblem(e);
        this.error.set(
          p.status === 404 ? 'Giấy tiếp nhận chưa sẵn sàng, vui lòng thử lại sau ít phút' : p.title,
        );
      },
    });
  }
}
