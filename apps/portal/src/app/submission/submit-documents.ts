import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { AttachmentApi, fileNameFrom, saveBlob } from '@dvc/channel/api-client';
import {
  Badge,
  DOCUMENT_FORM_LABELS,
  DatePipeVi,
  FileSizePipe,
  Loading,
  ProblemAlert,
} from '@dvc/channel/ui';
import { ATTACHMENT_ACCEPT, CitizenDocumentDto, RequiredDocument } from '@dvc/shared/contracts';
import { DocFile, SubmissionStore } from './submission-store';

/**
 * Step 3: one row per component of the dossier (thành phần hồ sơ) of the version. Each can get
 * uploaded files (with progress) or a document reused from the citizen's store.
 */
@Component({
  selector: 'dvc-submit-documents',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Badge, FileSizePipe, DatePipeVi, Loading, ProblemAlert],
  templateUrl: './submit-documents.html',
  styleUrl: './submit-documents.css',
})
export class SubmitDocuments {
  /** Show "missing" errors (after the citizen tried to continue). */
  readonly showErrors = input(false);
  protected readonly store = inject(SubmissionStore);
  private readonly attachments = inject(AttachmentApi);
  protected readonly formLabels = DOCUMENT_FORM_LABELS;
  /** Only filters the picker: the API decides the type from the file's bytes. */
  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly reuseOpen = signal<string | null>(null);
  /** Announced to screen readers: upload finished or failed. */
  protected readonly announcement = signal('');

  protected readonly filesByDoc = computed(() => {
    const map = new Map<string, DocFile[]>();
    for (const f of this.store.files()) {
      const list = map.get(f.documentCode) ?? [];
      list.push(f);
      map.set(f.documentCode, list);
    }
    return map;
  });
  private readonly lastStates = new Map<string, DocFile['state']>();
  /** Tells screen readers when an upload ends (not every percent). */
  private readonly announceUploads = effect(() => {
    for (const f of this.store.files()) {
      const before = this.lastStates.get(f.key);
      if (before === 'uploading' && f.state === 'done')
        this.announcement.set(`Đã tải lên xong ${f.fileName}`);
      if (before === 'uploading' && f.state === 'error')
        this.announcement.set(`Không tải lên được ${f.fileName}: ${f.error ?? ''}`);
      this.lastStates.set(f.key, f.state);
    }
  });
  private readonly missing = computed(() => new Set(this.store.missingDocuments().map((d) => d.code)));

  protected files(doc: RequiredDocument): DocFile[] {
    return this.filesByDoc().get(doc.code) ?? [];
  }

  protected error(doc: RequiredDocument): string | null {
    if (!this.showErrors()) return null;
    if (this.files(doc).some((f) => f.state === 'uploading')) return null;
    return this.missing().has(doc.code) ? `Vui lòng đính kèm ${lowerFirst(doc.name)}` : null;
  }

  protected isUploading(doc: RequiredDocument): boolean {
    return this.files(doc).some((f) => f.state === 'uploading');
  }

  protected describedBy(doc: RequiredDocument): string {
    const id = `doc-${doc.code}`;
    return [`${id}-name`, this.error(doc) ? `${id}-error` : ''].filter(Boolean).join(' ');
  }

  protected pick(doc: RequiredDocument, event: Event): void {
    const input = event.target as HTMLInputElement;
    for (const file of Array.from(input.files ?? [])) this.store.upload(doc.code, file);
    // The same file can be chosen again after a failure.
    input.value = '';
  }

  protected remove(f: DocFile): void {
    this.store.remove(f.key);
    this.announcement.set(
      f.state === 'uploading' ? `Đã hủy tải lên ${f.fileName}` : `Đã bỏ tệp ${f.fileName}`,
    );
  }

  protected view(f: DocFile): void {
    if (!f.attachmentId) return;
    this.attachments.content(f.attachmentId).subscribe({
      next: (res) => res.body && saveBlob(res.body, fileNameFrom(res, f.fileName)),
    });
  }

  protected toggleReuse(doc: RequiredDocument): void {
    const open = this.reuseOpen() === doc.code ? null : doc.code;
    this.reuseOpen.set(open);
    if (open) this.store.loadStore();
  }

  /** Documents of the store, those filed under the same component first. */
  protected candidates(doc: RequiredDocument): CitizenDocumentDto[] {
    const all = this.store.storeDocuments() ?? [];
    const used = new Set(
      this.files(doc)
        .map((f) => f.documentId)
        .filter(Boolean),
    );
    const score = (d: CitizenDocumentDto) => (d.documentCode === doc.code || d.name === doc.name ? 0 : 1);
    return all.filter((d) => !used.has(d.id)).sort((a, b) => score(a) - score(b));
  }

  protected reuse(doc: RequiredDocument, d: CitizenDocumentDto): void {
    this.store.reuse(doc.code, d);
    this.reuseOpen.set(null);
    this.announcement.set(`Đã đính kèm ${d.name || d.fileName} từ kho giấy tờ`);
  }

  protected statusText(f: DocFile): string {
    switch (f.state) {
      case 'uploading':
        return f.percent === null ? 'Đang tải lên…' : `Đang tải lên ${f.percent}%`;
      case 'error':
        return f.error ?? 'Tải lên không thành công';
      default:
        return f.documentId ? 'Dùng lại từ kho giấy tờ' : 'Đã tải lên';
    }
  }
}

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}
