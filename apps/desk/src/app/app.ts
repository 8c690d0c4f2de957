import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  OnInit,
  computed,
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

import { ROLE_LABELS } from '@dvc/shared/contracts';
import { filter, skip } from 'rxjs';
import { CALENDAR_ADMIN_ROLES, CATALOG_ADMIN_ROLES, DOSSIER_ROLES, INTAKE_ROLES, SYNC_ADMIN_ROLES } from './roles';

@Component({
  selector: 'dvc-desk-root',
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

  protected readonly isCatalogAdmin = computed(() =>
    this.store.roles().some((r) => CATALOG_ADMIN_ROLES.includes(r)),
  );
  protected readonly worksDossiers = computed(() =>
    this.store.roles().some((r) => DOSSIER_ROLES.includes(r)),
  );
  protected readonly canIntake = computed(() => this.store.roles().some((r) => INTAKE_ROLES.includes(r)));
  protected readonly isCalendarAdmin = computed(() =>
    this.store.roles().some((r) => CALENDAR_ADMIN_ROLES.includes(r)),
  );
  protected readonly isSyncAdmin = computed(() => this.store.roles().some((r) => SYNC_ADMIN_ROLES.includes(r)));
  protected readonly roleText = computed(() =>
    this.store
      .roles()
      .map((r) => ROLE_LABELS[r] ?? r)
      .join(', '),
  );

  ngOnInit(): void {
    // Focus the new page's heading after client-side navigation, as a page load would for screen readers.
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => setTimeout(() => focusPageHeading(this.main().nativeElement)));
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/dang-nhap'));
  }
}
