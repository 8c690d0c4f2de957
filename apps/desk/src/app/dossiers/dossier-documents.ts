import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { DeskApi, fileNameFrom, saveBlob, toProblem } from '@dvc/channel/api-client';
import { EmptyState, FileSizePipe, ProblemAlert } from '@dvc/channel/ui';
import type { DeskDocumentDto, Problem } from '@dvc/shared/contracts';

type Preview =
  | { doc: DeskDocumentDto; kind: 'pdf'; url: string; safe: SafeResourceUrl }
  | { doc: DeskDocumentDto; kind: 'image'; url: string }
  | { doc: DeskDocumentDto; kind: 'other'; url: string };

const kindOf = (type: string): Preview['kind'] =>
  type === 'application/pdf' ? 'pdf' : type.startsWith('image/') ? 'image' : 'other';

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'Ảnh JPEG',
  'image/png': 'Ảnh PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
};

/**
 * The dossier's documents: a list, with PDFs previewed in a frame and images inline. Files are
 * fetched with the bearer token and shown from a blob URL (released when replaced or on leave).
 */
@Component({
  selector: 'dvc-dossier-documents',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, ProblemAlert, FileSizePipe],
  template: `
    @if (documents().length) {
      <ul class="docs" data-testid="documents-list">
        @for (d of documents(); track d.id) {
          <li class="doc" [class.is-open]="preview()?.doc?.id === d.id">
            <span class="doc__name">{{ d.name }}</span>
            <span class="muted doc__meta">{{ typeLabel(d.contentType) }} · {{ d.size | fileSize }}</span>
            <span class="doc__actions">
              @if (previewable(d)) {
                <button
                  type="button"
                  class="btn btn-secondary btn-sm"
                  (click)="show(d)"
                  [attr.aria-pressed]="preview()?.doc?.id === d.id"
                  [disabled]="busy() === d.id"
                  data-testid="document-preview"
                >
                  {{ busy() === d.id ? 'Đang mở…' : 'Xem' }}<span class="visually-hidden"> {{ d.name }}</span>
                </button>
              }
              <button type="button" class="btn btn-secondary btn-sm" (click)="download(d)">
                Tải về<span class="visually-hidden"> {{ d.name }}</span>
              </button>
            </span>
          </li>
        }
      </ul>
      <dvc-problem-alert [problem]="problem()" />
      @if (preview(); as p) {
        <section class="preview" aria-labelledby="preview-title" data-testid="document-viewer">
          <div class="preview__bar">
            <h3 id="preview-title">{{ p.doc.name }}</h3>
            <button type="button" class="btn btn-secondary btn-sm" (click)="closePreview()">
              Đóng xem trước
            </button>
          </div>
          @switch (p.kind) {
            @case ('pdf') {
              <iframe class="preview__pdf" [src]="$any(p).safe" [title]="'Xem trước: ' + p.doc.name"></iframe>
            }
            @case ('image') {
              <img class="preview__img" [src]="p.url" [alt]="p.doc.name" />
            }
          }
        </section>
      }
    } @else {
      <dvc-empty-state heading="Hồ sơ không có giấy tờ đính kèm." />
    }
  `,
  styles: `
    .docs {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      border: 1px solid var(--dvc-border);
      border-radius: var(--dvc-radius);
      background: #fff;
    }
    .doc {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.625rem 0.75rem;
      border-bottom: 1px solid var(--dvc-border);
    }
    .doc:last-child {
      border-bottom: 0;
    }
    .doc.is-open {
      background: var(--dvc-primary-tint);
    }
    .doc__name {
      flex: 1 1 14rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .doc__meta {
      font-size: 0.875rem;
    }
    .doc__actions {
      display: flex;
      gap: 0.5rem;
    }
    .preview {
      border: 1px solid var(--dvc-border);
      border-radius: var(--dvc-radius);
      background: #fff;
      padding: 0.75rem;
    }
    .preview__bar {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .preview__bar h3 {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .preview__pdf {
      width: 100%;
      height: min(80vh, 60rem);
      border: 1px solid var(--dvc-border);
    }
    .preview__img {
      display: block;
      max-width: 100%;
      height: auto;
      margin: 0 auto;
    }
  `,
})
export class DossierDocuments {
  readonly documents = input.required<DeskDocumentDto[]>();
  private readonly api = inject(DeskApi);
  private readonly sanitizer = inject(DomSanitizer);
  protected readonly preview = signal<Preview | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly count = computed(() => this.documents().length);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.release());
  }

  protected typeLabel(type: string): string {
    return TYPE_LABELS[type] ?? type;
  }

  protected previewable(d: DeskDocumentDto): boolean {
    return kindOf(d.contentType) !== 'other';
  }

  protected show(d: DeskDocumentDto): void {
    if (this.preview()?.doc.id === d.id) return;
    this.busy.set(d.id);
    this.problem.set(null);
    this.api.file(d.href).subscribe({
      next: (res) => {
        this.busy.set(null);
        this.release();
        // Type the blob as the API declared it, so the browser's PDF viewer takes it.
        const blob = new Blob([res.body ?? new Blob()], { type: d.contentType });
        const url = URL.createObjectURL(blob);
        const kind = kindOf(d.contentType);
        this.preview.set(
          kind === 'pdf'
            ? { doc: d, kind, url, safe: this.sanitizer.bypassSecurityTrustResourceUrl(url) }
            : { doc: d, kind, url },
        );
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.problem.set(toProblem(e));
      },
    });
  }

  protected download(d: DeskDocumentDto): void {
    this.problem.set(null);
    this.api.file(d.href).subscribe({
      next: (res) => res.body && saveBlob(res.body, fileNameFrom(res, d.name)),
      error: (e: unknown) => this.problem.set(toProblem(e)),
    });
  }

  protected closePreview(): void {
    this.release();
  }

  private release(): void {
    const p = this.preview();
    if (p) URL.revokeObjectURL(p.url);
    this.preview.set(null);
  }
}
