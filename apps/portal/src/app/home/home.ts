import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { CatalogApi, loader } from '@dvc/channel/api-client';
import { EmptyState, Loading, ProblemAlert } from '@dvc/channel/ui';

@Component({
  selector: 'dvc-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, ProblemAlert, EmptyState],
  templateUrl: './home.html',
  styleUrl: './home.css',
})
export class Home {
  private readonly router = inject(Router);
  private readonly catalog = inject(CatalogApi);
  protected readonly fields = loader(
    () => true,
    () => this.catalog.fields(),
  );

  protected search(event: Event, q: string): void {
    event.preventDefault();
    const term = q.trim();
    void this.router.navigate(['/thu-tuc'], { queryParams: term ? { q: term } : {} });
  }
}
