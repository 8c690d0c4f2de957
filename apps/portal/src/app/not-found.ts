import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmptyState, PageHeader } from '@dvc/channel/ui';

@Component({
  selector: 'dvc-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, EmptyState],
  template: `
    <div class="container">
      <dvc-page-header heading="Không tìm thấy trang" />
      <dvc-empty-state heading="Trang bạn tìm không tồn tại hoặc đã được chuyển đi.">
        <p>
          <a routerLink="/">Về trang chủ</a> hoặc <a routerLink="/thu-tuc">tra cứu thủ tục hành chính</a>.
        </p>
      </dvc-empty-state>
    </div>
  `,
})
export class NotFound {}
