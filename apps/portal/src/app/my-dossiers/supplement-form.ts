import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { AttachmentApi, DossierApi, toProblem } from '@dvc/channel/api-client';
import { FileSizePipe, ProblemAlert } from '@dvc/channel/ui';
import { ATTACHMENT_ACCEPT, Problem } from '@dvc/shared/contracts';
import { Subscription } from 'rxjs';

interface Upload {
  key: number;
  fileName: string;
  size: number;
  percent: number | null;
  state: 'uploading' | 'done' | 'error';
  attachmentId?: string;
  error?: string;
}

/** The citizen's answer to a supplement request: the missing documents (uploaded with progress) and a note. */
@Component({
  selector: 'dvc-supplement-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProblemAlert, FileSizePipe],
  template: `
    <form (submit)="$event.preventDefault(); send()" novalidate data-testid="supplement-form">
      <dvc-problem-alert [problem]="problem()" />
      <div class="form-field">
        <span class="form-label" id="sup-files-label">Giấy tờ bổ sung <span aria-hidden="true">*</span></span>
        <p class="form-hint" id="sup-files-hint">Tệp PDF, JPG, PNG, DOCX hoặc XLSX.</p>
        @if (filesError(); as e) {
          <p class="form-error" id="sup-files-error">{{ e }}</p>
        }
        @if (uploads().length) {
          <ul class="files" aria-labelledby="sup-files-label">
            @for (u of uploads(); track u.key) {
              <li [attr.data-state]="u.state">
                <span class="name">{{ u.fileName }}</span>
                <span class="meta"
                  >{{ u.size | fileSize }} ·
                  <span [class.err]="u.state === 'error'">{{
                    u.state === 'uploading'
                      ? 'Đang tải lên ' + (u.percent ?? 0) + '%'
                      : u.state === 'done'
                        ? 'Đã tải lên'
                        : u.error
                  }}</span></span
                >
                @if (u.state === 'uploading') {
                  <progress
                    max="100"
                    [value]="u.percent ?? 0"
                    [attr.aria-label]="'Tiến độ tải lên ' + u.fileName"
                  ></progress>
                }
                <button type="button" class="btn-link" (click)="remove(u)">
                  {{ u.state === 'uploading' ? 'Hủy' : 'Bỏ'
                  }}<span class="visually-hidden"> {{ u.fileName }}</span>
                </button>
              </li>
            }
          </ul>
        }
        <input
          #file
          type="file"
          multiple
          class="hidden"
          tabindex="-1"
          aria-hidden="true"
          [accept]="accept"
          (change)="pick($event)"
          data-testid="supplement-input"
        />
        <div>
          <button
            type="button"
            class="btn btn-secondary btn-sm"
            (click)="file.click()"
            [attr.aria-invalid]="filesError() ? true : null"
            [attr.aria-describedby]="filesError() ? 'sup-files-hint sup-files-error' : 'sup-files-hint'"
          >
            <span aria-hidden="true">⇪</span> Chọn tệp
          </button>
        </div>
      </div>
      <div class="form-field">
        <label for="sup-note">Ghi chú cho cán bộ</label>
        <textarea
          id="sup-note"
          class="textarea"
          [value]="note()"
          (input)="note.set($any($event.target).value)"
          maxlength="2000"
        ></textarea>
      </div>
      <button type="submit" class="btn btn-primary" [disabled]="sending()" data-testid="supplement-submit">
        {{ sending() ? 'Đang gửi…' : 'Gửi bổ sung' }}
      </button>
    </form>
  `,
  styles: `
    .hidden {
      display: none;
    }
    .files {
      list-style: none;
      margin: 0.25rem 0 0.5rem;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.375rem;
    }
    .files li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0 0.75rem;
      align-items: center;
      background: #fff;
      border: 1px solid var(--dvc-border);
      border-radius: var(--dvc-radius);
      padding: 0.375rem 0.75rem;
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .meta {
      grid-column: 1;
      font-size: 0.875rem;
      color: var(--dvc-ink-muted);
    }
    .err {
      color: var(--dvc-danger-ink);
      font-weight: 600;
    }
    progress {
      grid-column: 1;
      width: 100%;
    }
    .btn-link {
      grid-column: 2;
      grid-row: 1 / span 3;
      min-height: 2.75rem;
    }
  `,
})
export class SupplementForm {
  readonly dossierId = input.required<string>();
  readonly done = output<void>();
  private readonly attachments = inject(AttachmentApi);
  private readonly dossiers = inject(DossierApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly uploads = signal<Upload[]>([]);
  protected readonly note = signal('');
  protected readonly sending = signal(false);
  protected readonly tried = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly subs = new Map<number, Subscription>();
  private seq = 0;
  protected readonly filesError = computed(() => {
    if (!this.tried()) return null;
    if (this.uploads().some((u) => u.state === 'uploading')) return 'Vui lòng chờ tải tệp lên xong';
    return this.uploads().some((u) => u.state === 'done')
      ? null
      : 'Vui lòng chọn ít nhất một tệp giấy tờ bổ sung';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subs.forEach((s) => s.unsubscribe()));
  }

  private patch(key: number, p: Partial<Upload>): void {
    this.uploads.update((l) => l.map((u) => (u.key === key ? { ...u, ...p } : u)));
  }

  protected pick(e: Event): void {
    const input = e.target as HTMLInputElement;
    for (const f of Array.from(input.files ?? [])) {
      const key = ++this.seq;
      this.uploads.update((l) => [
        ...l,
        { key, fileName: f.name, size: f.size, percent: 0, state: 'uploading' },
      ]);
      const sub = this.attachments.upload(f).subscribe({
        next: (ev) =>
          ev.kind === 'progress'
            ? this.patch(key, { percent: ev.percent })
            : this.patch(key, { state: 'done', percent: 100, attachmentId: ev.attachment.id }),
        error: (err: unknown) => this.patch(key, { state: 'error', error: toProblem(err).title }),
      });
      this.subs.set(key, sub);
    }
    input.value = '';
  }

  protected remove(u: Upload): void {
    this.subs.get(u.key)?.unsubscribe();
    this.uploads.update((l) => l.filter((x) => x.key !== u.key));
    if (u.attachmentId) this.attachments.remove(u.attachmentId).subscribe({ error: () => undefined });
  }

  protected send(): void {
    this.tried.set(true);
    this.problem.set(null);
    if (this.filesError()) {
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const attachmentIds = this.uploads()
      .filter((u) => u.state === 'done' && u.attachmentId)
      .map((u) => u.attachmentId as string);
    this.sending.set(true);
    this.dossiers
      .supplement(this.dossierId(), {
        attachmentIds,
        ...(this.note().trim() ? { note: this.note().trim() } : {}),
      })
      .subscribe({
        next: () => {
          this.sending.set(false);
          this.done.emit();
        },
        error: (e: unknown) => {
          this.sending.set(false);
          this.problem.set(toProblem(e));
        },
      });
  }
}
