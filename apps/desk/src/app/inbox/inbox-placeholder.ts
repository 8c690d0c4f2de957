import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthStore } from '@dvc/channel/api-client';
import { EmptyState, PageHeader } from '@dvc/channel/ui';

/** Landing page of officials who handle dossiers; the workflow module replaces it with the inbox. */
@Component({
  selector: 'dvc-inbox-placeholder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, EmptyState],
  template: `
    <div class="container">
      <dvc-page-header heading="Hộp hồ sơ" [lead]="'Xin chào ' + store.displayName() + '.'" />
      <dvc-empty-state
        heading="Hộp hồ sơ sẽ có khi mô-đun quy trình xử lý được đưa vào."
        data-testid="inbox-placeholder"
      >
        <p>Tại đây cán bộ sẽ tiếp nhận, xử lý, chuyển và trả kết quả hồ sơ theo quy trình một cửa.</p>
      </dvc-empty-state>
    </div>
  `,
})
export class InboxPlaceholder {
  protected readonly store = inject(AuthStore);
}
