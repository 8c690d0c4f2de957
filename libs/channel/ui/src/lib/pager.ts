import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

type PagerItem = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/** Page navigation (1-based pages) with previous/next and a window of page numbers. */
@Component({
  selector: 'dvc-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pageCount() > 1) {
      <nav [attr.aria-label]="label()" data-testid="pager">
        <ul>
          <li>
            <button
              type="button"
              class="dvc-pager__btn"
              [disabled]="page() <= 1"
              (click)="go(page() - 1)"
              aria-label="Trang trước"
            >
              ‹ <span class="dvc-pager__word">Trước</span>
            </button>
          </li>
          @for (item of items(); track item.kind === 'page' ? item.page : item.key) {
            <li>
              @if (item.kind === 'page') {
                <button
                  type="button"
                  class="dvc-pager__btn"
                  [attr.aria-current]="item.page === page() ? 'page' : null"
                  [attr.aria-label]="'Trang ' + item.page"
                  (click)="go(item.page)"
                >
                  {{ item.page }}
                </button>
              } @else {
                <span class="dvc-pager__gap" aria-hidden="true">…</span>
              }
            </li>
          }
          <li>
            <button
              type="button"
              class="dvc-pager__btn"
              [disabled]="page() >= pageCount()"
              (click)="go(page() + 1)"
              aria-label="Trang sau"
            >
              <span class="dvc-pager__word">Sau</span> ›
            </button>
          </li>
        </ul>
      </nav>
    }
  `,
  styles: `
    :host {
      display: block;
      margin: 1.5rem 0;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      list-style: none;
      margin: 0;
      padding: 0;
      justify-content: center;
    }
    .dvc-pager__btn {
      min-width: 2.5rem;
      min-height: 2.5rem;
      padding: 0 0.625rem;
      border: 1px solid var(--dvc-border-strong);
      background: #fff;
      color: var(--dvc-primary);
      border-radius: 4px;
      font: inherit;
      cursor: pointer;
    }
    .dvc-pager__btn:hover:not([disabled]) {
      background: var(--dvc-primary-tint);
    }
    .dvc-pager__btn[aria-current='page'] {
      background: var(--dvc-primary);
      border-color: var(--dvc-primary);
      color: #fff;
      font-weight: 700;
    }
    .dvc-pager__btn[disabled] {
      color: var(--dvc-ink-muted);
      cursor: not-allowed;
      opacity: 0.6;
    }
    .dvc-pager__gap {
      display: inline-flex;
      min-width: 1.5rem;
      min-height: 2.5rem;
      align-items: center;
      justify-content: center;
    }
    @media (max-width: 30rem) {
      .dvc-pager__word {
        display: none;
      }
    }
  `,
})
export class Pager {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  readonly label = input('Phân trang');
  readonly pageChange = output<number>();

  protected readonly pageCount = computed(() =>
    Math.max(1, Math.ceil(this.total() / Math.max(1, this.pageSize()))),
  );

  protected readonly items = computed<PagerItem[]>(() => {
    const count = this.pageCount();
    const current = Math.min(Math.max(1, this.page()), count);
    const wanted = new Set([1, count, current - 1, current, current + 1]);
    const pages = [...wanted].filter((p) => p >= 1 && p <= count).sort((a, b) => a - b);
    const out: PagerItem[] = [];
    pages.forEach((p, i) => {
      if (i > 0 && p - pages[i - 1] > 1) out.push({ kind: 'gap', key: `gap-${p}` });
      out.push({ kind: 'page', page: p });
    });
    return out;
  });

  protected go(page: number): void {
    if (page >= 1 && page <= this.pageCount() && page !== this.page()) this.pageChange.emit(page);
  }
}
