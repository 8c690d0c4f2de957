import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthApi, AuthStore, CatalogApi, loader } from '@dvc/channel/api-client';
import { Alert, Loading, PageHeader, ProblemAlert } from '@dvc/channel/ui';

/**
 * `/nop-ho-so/:code`: asks anonymous visitors to sign in; signed-in citizens see that online
 * submission is being built. The intake feature replaces this page.
 */
@Component({
  selector: 'dvc-submit-placeholder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, Alert, Loading, ProblemAlert],
  template: `
    <div class="container narrow">
      <dvc-page-header heading="Nộp hồ sơ trực tuyến" [lead]="procedure.value()?.name">
        <nav breadcrumb class="breadcrumb" aria-label="Đường dẫn">
          <ol>
            <li><a routerLink="/">Trang chủ</a></li>
            <li><a routerLink="/thu-tuc">Thủ tục hành chính</a></li>
            @if (procedure.value(); as p) {
              <li>
                <a [routerLink]="['/thu-tuc', p.code]">{{ p.name }}</a>
              </li>
            }
            <li><span aria-current="page">Nộp hồ sơ</span></li>
          </ol>
        </nav>
      </dvc-page-header>
      <dvc-problem-alert [problem]="procedure.problem()" [autoFocus]="false" />
      @if (!checked()) {
        <dvc-loading />
      } @else if (store.citizen(); as me) {
        <dvc-alert
          tone="info"
          heading="Chức năng nộp hồ sơ trực tuyến đang được xây dựng"
          data-testid="submit-coming"
        >
          <p>
            Xin chào {{ me.fullName }}. Biểu mẫu điện tử và đính kèm giấy tờ cho thủ tục này sẽ sớm có tại
            đây.
          </p>
        </dvc-alert>
        <p><a [routerLink]="['/thu-tuc', code()]">Quay lại thông tin thủ tục</a></p>
      } @else {
        <div class="card" data-testid="submit-login-prompt">
          <h2>Vui lòng đăng nhập để nộp hồ sơ</h2>
          <p>
            Bạn cần đăng nhập bằng số định danh cá nhân để nộp hồ sơ trực tuyến và theo dõi kết quả giải
            quyết.
          </p>
          <div class="cluster">
            <a class="btn btn-primary" routerLink="/dang-nhap" [queryParams]="{ returnUrl: returnUrl() }"
              >Đăng nhập</a
            >
            <a class="btn btn-secondary" routerLink="/dang-ky" [queryParams]="{ returnUrl: returnUrl() }"
              >Đăng ký tài khoản</a
            >
          </div>
        </div>
      }
    </div>
  `,
  styles: `
    .narrow {
      max-width: 48rem;
    }
    .card h2 {
      margin-top: 0;
    }
  `,
})
export class SubmitPlaceholder {
  readonly code = input.required<string>();
  protected readonly store = inject(AuthStore);
  private readonly catalog = inject(CatalogApi);
  protected readonly procedure = loader(
    () => this.code(),
    (code) => this.catalog.procedure(code),
  );
  protected readonly checked = signal(false);
  protected readonly returnUrl = computed(() => `/nop-ho-so/${this.code()}`);

  private readonly restore = inject(AuthApi)
    .restoreSession()
    .finally(() => this.checked.set(true));
}
