import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * Page title block: an optional breadcrumb (`[breadcrumb]` slot), the h1, a lead paragraph and
 * actions (`[actions]` slot).
 */
@Component({
  selector: 'dvc-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-content select="[breadcrumb]" />
    <div class="dvc-page-header__row">
      <div class="dvc-page-header__text">
        <h1 [id]="headingId()" tabindex="-1">{{ heading() }}</h1>
        @if (lead()) {
          <p class="dvc-page-header__lead">{{ lead() }}</p>
        }
        <ng-content />
      </div>
      <div class="dvc-page-header__actions"><ng-content select="[actions]" /></div>
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 1.5rem;
    }
    .dvc-page-header__row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-end;
      justify-content: space-between;
    }
    .dvc-page-header__text {
      min-width: 0;
      flex: 1 1 20rem;
    }
    h1 {
      margin: 0;
      font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2rem);
      line-height: 1.25;
      color: var(--dvc-ink);
      overflow-wrap: anywhere;
    }
    h1:focus {
      outline: none;
    }
    .dvc-page-header__lead {
      margin: 0.5rem 0 0;
      color: var(--dvc-ink-muted);
      max-width: 48rem;
    }
    .dvc-page-header__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .dvc-page-header__actions:empty {
      display: none;
    }
  `,
})
export class PageHeader {
  readonly heading = input.required<string>();
  readonly lead = input<string>();
  readonly headingId = input('page-title');
}
