import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AttachmentApi,
  CatalogApi,
  DossierApi,
  DraftApi,
  SubmitDossierBody,
  toProblem,
} from '@dvc/channel/api-client';
import { FormSchema, cleanEformData, defaultEformData } from '@dvc/channel/eform';
import type {
  CitizenDocumentDto,
  DossierAttachmentRef,
  DossierDraftDto,
  DossierDto,
  Problem,
  ProcedureDetailDto,
  RequiredDocument,
} from '@dvc/shared/contracts';
import { Observable, Subject, Subscription, debounceTime, retry, throwError, timer } from 'rxjs';

/** One file of the submission: being uploaded, uploaded, failed, or reused from the document store. */
export interface DocFile {
  key: string;
  documentCode: string;
  fileName: string;
  size?: number;
  mediaType?: string;
  attachmentId?: string;
  documentId?: string;
  state: 'uploading' | 'done' | 'error';
  /** 0–100, or null while the total is unknown. */
  percent: number | null;
  error?: string;
}

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'error'; problem: Problem }
  | { state: 'conflict'; theirs: DossierDraftDto | null };

/** Wait after the last change before the draft is saved on its own. */
const AUTOSAVE_MS = 1500;
/** Network failures and gateway errors are retried with the same Idempotency-Key. */
const TRANSIENT = new Set([0, 502, 503, 504]);

let localSeq = 0;
const localKey = () => `f${++localSeq}`;

/** A fresh Idempotency-Key; randomUUID needs a secure context, so fall back to getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * State of one online submission (`/nop-ho-so/:code`): receiving agency, e-form data and documents,
 * saved as a server-side draft (autosave after each change, resumable on another device), then
 * submitted once with an Idempotency-Key that a retry reuses.
 */
@Injectable()
export class SubmissionStore {
  private readonly catalog = inject(CatalogApi);
  private readonly drafts = inject(DraftApi);
  private readonly attachmentsApi = inject(AttachmentApi);
  private readonly dossiers = inject(DossierApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly procedure = signal<ProcedureDetailDto | null>(null);
  readonly loading = signal(true);
  readonly loadProblem = signal<Problem | null>(null);
  readonly agencyCode = signal<string | null>(null);
  readonly formData = signal<Record<string, unknown>>({});
  readonly files = signal<DocFile[]>([]);
  /** When the draft shown was saved, if the page opened an earlier draft. */
  readonly resumedFrom = signal<string | null>(null);
  readonly saveState = signal<SaveState>({ state: 'idle' });
  readonly submitting = signal(false);
  readonly submitProblem = signal<Problem | null>(null);
  readonly storeDocuments = signal<CitizenDocumentDto[] | null>(null);
  readonly storeProblem = signal<Problem | null>(null);

  readonly schema = computed<FormSchema>(() => (this.procedure()?.content.formSchema ?? {}) as FormSchema);
  readonly documents = computed<RequiredDocument[]>(() => this.procedure()?.content.documents ?? []);
  readonly uploading = computed(() => this.files().some((f) => f.state === 'uploading'));
  readonly attachedRefs = computed<DossierAttachmentRef[]>(() =>
    this.files()
      .filter((f) => f.state === 'done')
      .map((f) => ({
        documentCode: f.documentCode,
        ...(f.attachmentId ? { attachmentId: f.attachmentId } : {}),
        ...(f.documentId ? { documentId: f.documentId } : {}),
      })),
  );
  /** Required documents with nothing attached yet. */
  readonly missingDocuments = computed(() => {
    const have = new Set(this.attachedRefs().map((r) => r.documentCode));
    return this.documents().filter((d) => d.required && !have.has(d.code));
  });
  readonly agency = computed(
    () => this.procedure()?.implementingAgencies.find((a) => a.code === this.agencyCode()) ?? null,
  );

  private code = '';
  private rowVersion = 0;
  /** Increases with every change; a save that started at an older value leaves the draft dirty. */
  private changeSeq = 0;
  private savedSeq = 0;
  private saving = false;
  private saveAgain = false;
  private finished = false;
  private idempotencyKey: string | null = null;
  private readonly changes = new Subject<void>();
  private readonly uploads = new Map<string, Subscription>();

  constructor() {
    this.changes
      .pipe(debounceTime(AUTOSAVE_MS), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.saveDraft());
    this.destroyRef.onDestroy(() => {
      for (const sub of this.uploads.values()) sub.unsubscribe();
      // Leaving the page: keep what was typed since the last autosave.
      if (this.isDirty()) this.saveDraft();
    });
  }

  isDirty(): boolean {
    return !this.finished && this.changeSeq !== this.savedSeq;
  }

  /** Loads the procedure's current version and the citizen's draft for it, if any. */
  load(code: string): void {
    this.code = code;
    this.loading.set(true);
    this.loadProblem.set(null);
    this.catalog.procedure(code).subscribe({
      next: (p) => {
        this.procedure.set(p);
        this.formData.set(defaultEformData(p.content.formSchema as FormSchema));
        if (p.implementingAgencies.length === 1) this.agencyCode.set(p.implementingAgencies[0].code);
        this.drafts.get(code).subscribe({
          next: (d) => {
            if (d) {
              this.applyDraft(d);
              this.resumedFrom.set(d.updatedAt ?? new Date().toISOString());
            }
            this.loading.set(false);
          },
          // No draft service (or it failed): start afresh; saving will say what is wrong.
          error: () => this.loading.set(false),
        });
      },
      error: (e: unknown) => {
        this.loadProblem.set(toProblem(e));
        this.loading.set(false);
      },
    });
  }

  private applyDraft(d: DossierDraftDto): void {
    this.rowVersion = d.rowVersion ?? 0;
    const agencies = this.procedure()?.implementingAgencies ?? [];
    if (d.receivingAgencyCode && agencies.some((a) => a.code === d.receivingAgencyCode)) {
      this.agencyCode.set(d.receivingAgencyCode);
    }
    this.formData.set({ ...defaultEformData(this.schema()), ...(d.formData ?? {}) });
    this.files.set(
      (d.attachments ?? [])
        // A file that is gone (deleted, or used by a dossier meanwhile) is dropped from the draft.
        .filter((a) => a.file)
        .map((a) => ({
          key: localKey(),
          documentCode: a.documentCode,
          attachmentId: a.attachmentId,
          documentId: a.documentId,
          fileName: a.file?.fileName ?? 'Tệp đã tải lên',
          size: a.file?.sizeBytes,
          mediaType: a.file?.mediaType,
          state: 'done' as const,
          percent: 100,
        })),
    );
    this.changeSeq = this.savedSeq = 0;
    this.saveState.set({ state: 'saved', at: d.updatedAt ?? new Date().toISOString() });
  }

  private changed(): void {
    this.changeSeq++;
    // Different content needs a new key: the API refuses a reused key with another body.
    this.idempotencyKey = null;
    this.changes.next();
  }

  setAgency(code: string): void {
    if (code === this.agencyCode()) return;
    this.agencyCode.set(code);
    this.changed();
  }

  setFormData(data: Record<string, unknown>): void {
    this.formData.set(data);
    this.changed();
  }

  // --- Draft ------------------------------------------------------------------------------------

  /** Saves the draft now (the "Lưu nháp" button and autosave). */
  saveDraft(): void {
    if (!this.code || !this.procedure() || this.finished) return;
    if (this.saving) {
      this.saveAgain = true;
      return;
    }
    this.saving = true;
    const seq = this.changeSeq;
    this.saveState.set({ state: 'saving' });
    const agency = this.agencyCode();
    this.drafts
      .save(this.code, {
        ...(agency ? { receivingAgencyCode: agency } : {}),
        formData: cleanEformData(this.schema(), this.formData()),
        attachments: this.attachedRefs(),
        // No rowVersion creates the draft; with one, a save from a stale copy is refused (409).
        ...(this.rowVersion ? { rowVersion: this.rowVersion } : {}),
      })
      .subscribe({
        next: (d) => {
          this.saving = false;
          this.rowVersion = d.rowVersion;
          this.savedSeq = seq;
          this.saveState.set({ state: 'saved', at: d.updatedAt ?? new Date().toISOString() });
          // Changes made while this save was on its way were not in it.
          if (this.saveAgain) {
            this.saveAgain = false;
            if (this.isDirty()) this.saveDraft();
          }
        },
        error: (e: unknown) => {
          this.saving = false;
          this.saveAgain = false;
          const problem = toProblem(e);
          if (problem.status === 409) {
            // Saved meanwhile from another device or tab: let the citizen choose which one to keep.
            this.drafts.get(this.code).subscribe({
              next: (theirs) => this.saveState.set({ state: 'conflict', theirs }),
              error: () => this.saveState.set({ state: 'conflict', theirs: null }),
            });
          } else {
            this.saveState.set({ state: 'error', problem });
          }
        },
      });
  }

  /** Conflict: take the draft saved on the other device. */
  useTheirs(): void {
    const s = this.saveState();
    if (s.state !== 'conflict') return;
    if (s.theirs) {
      this.applyDraft(s.theirs);
      this.resumedFrom.set(s.theirs.updatedAt ?? null);
    } else this.load(this.code);
  }

  /** Conflict: keep what is on screen, overwriting the other save. */
  keepMine(): void {
    const s = this.saveState();
    if (s.state !== 'conflict') return;
    this.rowVersion = s.theirs?.rowVersion ?? this.rowVersion;
    this.saveDraft();
  }

  /** Deletes the saved draft and starts again with an empty form. */
  discardDraft(): Observable<void> {
    const done = new Subject<void>();
    this.drafts.remove(this.code).subscribe({
      next: () => {
        for (const sub of this.uploads.values()) sub.unsubscribe();
        this.uploads.clear();
        this.rowVersion = 0;
        this.changeSeq = this.savedSeq = 0;
        this.idempotencyKey = null;
        const p = this.procedure();
        this.agencyCode.set(p && p.implementingAgencies.length === 1 ? p.implementingAgencies[0].code : null);
        this.formData.set(defaultEformData(this.schema()));
        this.files.set([]);
        this.resumedFrom.set(null);
        this.saveState.set({ state: 'idle' });
        done.next();
        done.complete();
      },
      error: (e: unknown) => done.error(e),
    });
    return done;
  }

  // --- Documents --------------------------------------------------------------------------------

  private patchFile(key: string, patch: Partial<DocFile>): void {
    this.files.update((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  }

  /** Uploads a file for one document of the version, with progress. */
  upload(documentCode: string, file: File): void {
    const key = localKey();
    this.files.update((list) => [
      ...list,
      {
        key,
        documentCode,
        fileName: file.name,
        size: file.size,
        mediaType: file.type,
        state: 'uploading',
        percent: 0,
      },
    ]);
    if (file.size === 0) {
      this.patchFile(key, { state: 'error', percent: null, error: 'Tệp rỗng, vui lòng chọn tệp khác' });
      return;
    }
    // The component is given with the submission's references; the upload's optional
    // `documentCode` part is left out (the API refuses a second multipart part for now).
    const sub = this.attachmentsApi.upload(file).subscribe({
      next: (e) => {
        if (e.kind === 'progress') this.patchFile(key, { percent: e.percent });
        else {
          this.patchFile(key, {
            state: 'done',
            percent: 100,
            attachmentId: e.attachment.id,
            fileName: e.attachment.fileName || file.name,
            size: e.attachment.sizeBytes,
            mediaType: e.attachment.mediaType,
          });
          this.uploads.delete(key);
          this.changed();
        }
      },
      error: (err: unknown) => {
        this.uploads.delete(key);
        const p = toProblem(err);
        const detail = p.errors?.[0]?.message ?? (p.detail && p.detail !== p.title ? p.detail : '');
        this.patchFile(key, {
          state: 'error',
          percent: null,
          error: detail ? `${p.title}: ${detail}` : p.title,
        });
      },
    });
    this.uploads.set(key, sub);
  }

  /** Cancels an upload, forgets a failed one, or removes an attached file (deleting an upload). */
  remove(key: string): void {
    const f = this.files().find((x) => x.key === key);
    if (!f) return;
    this.uploads.get(key)?.unsubscribe();
    this.uploads.delete(key);
    this.files.update((list) => list.filter((x) => x.key !== key));
    if (f.state !== 'done') return;
    this.changed();
    // Reused documents belong to the store; only this dossier's own uploads are deleted.
    if (f.attachmentId) this.attachmentsApi.remove(f.attachmentId).subscribe({ error: () => undefined });
  }

  /** Loads the citizen's document store once. */
  loadStore(): void {
    if (this.storeDocuments() !== null) return;
    this.storeProblem.set(null);
    this.attachmentsApi.documents().subscribe({
      next: (page) => this.storeDocuments.set(page.items ?? []),
      error: (e: unknown) => {
        const p = toProblem(e);
        if (e instanceof HttpErrorResponse && e.status === 404) this.storeDocuments.set([]);
        else this.storeProblem.set(p);
      },
    });
  }

  /** Attaches a document from the store (Nghị định 45/2020: not asked for twice). */
  reuse(documentCode: string, doc: CitizenDocumentDto): void {
    if (this.files().some((f) => f.documentCode === documentCode && f.documentId === doc.id)) return;
    this.files.update((list) => [
      ...list,
      {
        key: localKey(),
        documentCode,
        documentId: doc.id,
        fileName: doc.fileName,
        size: doc.sizeBytes,
        mediaType: doc.mediaType,
        state: 'done',
        percent: 100,
      },
    ]);
    this.changed();
  }

  // --- Submit -----------------------------------------------------------------------------------

  /**
   * Submits once. The Idempotency-Key is made on the first attempt and reused by retries (automatic
   * ones after a network failure, and the citizen's "Nộp lại"), so the API returns the same dossier
   * instead of creating a second one. Any change to the content makes a new key.
   */
  submit(): Observable<DossierDto> {
    const result = new Subject<DossierDto>();
    if (this.submitting()) return result;
    this.idempotencyKey ??= newIdempotencyKey();
    const key = this.idempotencyKey;
    const refs = this.attachedRefs();
    const body: SubmitDossierBody = {
      procedureCode: this.code,
      receivingAgencyCode: this.agencyCode() ?? '',
      formData: cleanEformData(this.schema(), this.formData()),
      attachments: refs,
    };
    this.submitting.set(true);
    this.submitProblem.set(null);
    this.dossiers
      .submit(body, key)
      .pipe(
        retry({
          count: 2,
          delay: (err: unknown, n) =>
            err instanceof HttpErrorResponse && TRANSIENT.has(err.status)
              ? timer(800 * n)
              : throwError(() => err),
        }),
      )
      .subscribe({
        next: (d) => {
          this.finished = true;
          this.submitting.set(false);
          // The API discards the draft in the submission's transaction.
          result.next(d);
          result.complete();
        },
        error: (e: unknown) => {
          this.submitting.set(false);
          const p = toProblem(e);
          if (p.code === 'IDEMPOTENCY_KEY_REUSED') this.idempotencyKey = null;
          this.submitProblem.set(p);
          result.error(p);
        },
      });
    return result;
  }
}
