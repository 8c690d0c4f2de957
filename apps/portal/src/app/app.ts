import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  OnInit,
  inject,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  IsActiveMatchOptions,
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { focusPageHeading } from '@dvc/channel/a11y';
import { AuthApi, AuthStore } from '@dvc/channel/api-client';

import { filter, skip } from 'rxjs';

@Component({
  selector: 'dvc-portal-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './app.html',
})
export class App implements OnInit {
  private readonly auth = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly store = inject(AuthStore);
  /** Highlights a nav link on its own page only, whatever the query string. */
  protected readonly exactPath: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  protected readonly year = new Date().getFullYear();

  ngOnInit(): void {
    void this.auth.restoreSession();
    // After client-side navigation, move focus to the new page's heading (or main) so screen readers
    // announce it, as a full page load would.
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => setTimeout(() => focusPageHeading(this.main().nativeElement)));
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/'));
  }
}
