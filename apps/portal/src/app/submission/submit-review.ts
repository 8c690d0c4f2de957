import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { EformSummary, cleanEformData } from '@dvc/channel/eform';
import { FileSizePipe } from '@dvc/channel/ui';
import { SubmissionStore } from './submission-store';

/** Step 4: everything that will be sent, each part with a way back to change it. */
@Component({
  selector: 'dvc-submit-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EformSummary, FileSizePipe],
  template: `
    <p>
      Vui lòng kiểm tra lại thông tin trước khi nộp. Sau khi nộp, hồ sơ được chuyển đến cơ quan tiếp nhận.
    </p>

    <section class="part" aria-labelledby="review-agency">
      <div class="part__head">
        <h3 id="review-agency">Cơ quan tiếp nhận</h3>
        <button type="button" class="btn-link" (click)="edit.emit(0)">
          Sửa<span class="visually-hidden"> cơ quan tiếp nhận</span>
        </button>
      </div>
      <p data-testid="review-agency">{{ store.agency()?.name ?? 'Chưa chọn' }}</p>
    </section>

    <section class="part" aria-labelledby="review-form">
      <div class="part__head">
        <h3 id="review-form">{{ store.schema().title || 'Tờ khai' }}</h3>
        <button type="button" class="btn-link" (click)="edit.emit(1)">
          Sửa<span class="visually-hidden"> tờ khai</span>
        </button>
      </div>
      <dvc-eform-summary [schema]="store.schema()" [value]="data()" />
    </section>

    <section class="part" aria-labelledby="review-docs">
      <div class="part__head">
        <h3 id="review-docs">Thành phần hồ sơ</h3>
        <button type="button" class="btn-link" (click)="edit.emit(2)">
          Sửa<span class="visually-hidden"> thành phần hồ sơ</span>
        </button>
      </div>
      <ul class="docs" data-testid="review-documents">
        @for (d of docs(); track d.code) {
          <li>
            <span class="docs__name">{{ d.name }}</span>
            @if (d.files.length) {
              <ul>
                @for (f of d.files; track f.key) {
                  <li>
                    {{ f.fileName }}
                    @if (f.size) {
                      <span class="muted">({{ f.size | fileSize }})</span>
                    }
                    @if (f.documentId) {
                      <span class="muted"> — dùng lại từ kho giấy tờ</span>
                    }
                  </li>
                }
              </ul>
            } @else {
              <span class="muted"> — không đính kèm</span>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .part {
      border-top: 1px solid var(--dvc-border);
      padding-top: 0.75rem;
      margin-top: 1rem;
    }
    .part__head {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 1rem;
    }
    .part__head h3 {
      margin: 0 0 0.5rem;
    }
    .part__head .btn-link {
      min-height: 2.75rem;
    }
    .docs {
      margin: 0;
      padding-left: 1.25rem;
    }
    .docs > li + li {
      margin-top: 0.5rem;
    }
    .docs__name {
      font-weight: 600;
    }
    .docs ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class SubmitReview {
  protected readonly store = inject(SubmissionStore);
  readonly edit = output<number>();
  protected readonly data = computed(() => cleanEformData(this.store.schema(), this.store.formData()));
  protected readonly docs = computed(() => {
    const files = this.store.files().filter((f) => f.state === 'done');
    return this.store
      .documents()
      .map((d) => ({ ...d, files: files.filter((f) => f.documentCode === d.code) }))
      .filter((d) => d.required || d.files.length);
  });
}
