import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';

export interface ConfirmOptions {
  heading?: string;
  message?: string;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
}

/**
 * A confirmation built on the native modal `<dialog>` (focus trap, Esc to cancel, inert page).
 * `const ok = await dialog.ask({ heading, message })`; the confirm button is `data-testid="confirm-ok"`.
 */
@Component({
  selector: 'dvc-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dlg
      class="dvc-dialog"
      [attr.aria-labelledby]="id + '-title'"
      [attr.aria-describedby]="id + '-msg'"
      (close)="settle(dlg.returnValue === 'ok')"
      data-testid="confirm-dialog"
    >
      <form method="dialog">
        <h2 [id]="id + '-title'">{{ view().heading }}</h2>
        <div [id]="id + '-msg'" class="dvc-dialog__msg">
          <p>{{ view().message }}</p>
          <ng-content />
        </div>
        <div class="dvc-dialog__actions">
          <button type="submit" value="cancel" class="btn btn-secondary" data-testid="confirm-cancel">
            {{ view().cancelLabel }}
          </button>
          <button
            type="submit"
            value="ok"
            class="btn"
            [class.btn-danger]="view().danger"
            [class.btn-primary]="!view().danger"
            data-testid="confirm-ok"
            autofocus
          >
            {{ view().confirmLabel }}
          </button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    .dvc-dialog {
      border: 0;
      border-radius: 6px;
      padding: 0;
      width: min(32rem, calc(100vw - 2rem));
      box-shadow: 0 10px 40px rgba(0, 0, 0, 0.3);
      color: var(--dvc-ink);
    }
    .dvc-dialog::backdrop {
      background: rgba(16, 24, 40, 0.55);
    }
    form {
      padding: 1.25rem 1.5rem;
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.25rem;
    }
    .dvc-dialog__msg p {
      margin: 0 0 1rem;
    }
    .dvc-dialog__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: flex-end;
    }
  `,
})
export class ConfirmDialog {
  private static seq = 0;
  protected readonly id = `dvc-confirm-${++ConfirmDialog.seq}`;
  readonly heading = input('Xác nhận');
  readonly message = input('');
  readonly confirmLabel = input('Đồng ý');
  readonly cancelLabel = input('Hủy');
  readonly danger = input(false);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dlg');
  private readonly pending = signal<((ok: boolean) => void) | null>(null);
  private readonly override = signal<ConfirmOptions>({});
  private readonly cdr = inject(ChangeDetectorRef);
  protected readonly view = computed(() => ({
    heading: this.heading(),
    message: this.message(),
    confirmLabel: this.confirmLabel(),
    cancelLabel: this.cancelLabel(),
    danger: this.danger(),
    ...this.override(),
  }));

  /**
   * Opens the dialog, with `options` overriding the inputs for this time; resolves true when
   * confirmed, false when cancelled or dismissed with Esc.
   */
  ask(options: ConfirmOptions = {}): Promise<boolean> {
    this.pending()?.(false);
    this.override.set(options);
    // Render the new text before the modal opens, so screen readers announce the right question.
    this.cdr.detectChanges();
    const el = this.dialog().nativeElement;
    el.returnValue = '';
    return new Promise<boolean>((resolve) => {
      this.pending.set(resolve);
      el.showModal();
    });
  }

  protected settle(ok: boolean): void {
    const resolve = this.pending();
    this.pending.set(null);
    resolve?.(ok);
  }
}
