import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AdminCatalogApi, toProblem } from '@dvc/channel/api-client';
import { Alert, DateTimePipe, PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type { CatalogExport, CatalogImportResult, Problem } from '@dvc/shared/contracts';
import { CatalogRefresh } from './catalog-refresh';

function localProblem(title: string): Problem {
  return { type: 'about:blank', code: 'CLIENT_VALIDATION', status: 0, title };
}

/** Export the catalog to a JSON file and import one back (`/thu-tuc/nhap-xuat`). */
@Component({
  selector: 'dvc-catalog-transfer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageHeader, ProblemAlert, Alert, DateTimePipe, CatalogRefresh],
  templateUrl: './catalog-transfer.html',
  styles: `
    .grid {
      display: grid;
      gap: 1rem;
      grid-template-columns: 1fr;
    }
    @media (min-width: 56rem) {
      .grid {
        grid-template-columns: 1fr 1fr;
        align-items: start;
      }
    }
    .card h2 {
      margin-top: 0;
    }
    .file {
      padding: 0.5rem;
      min-height: auto;
    }
    .result h3 {
      margin: 1rem 0 0.25rem;
    }
    .codes {
      margin: 0;
      padding-left: 1.25rem;
      columns: 2 10rem;
    }
  `,
})
export class CatalogTransfer {
  private readonly api = inject(AdminCatalogApi);

  protected readonly exporting = signal(false);
  protected readonly exportProblem = signal<Problem | null>(null);
  protected readonly exported = signal<string | null>(null);

  protected readonly fileName = signal<string | null>(null);
  protected readonly payload = signal<CatalogExport | null>(null);
  protected readonly importing = signal(false);
  protected readonly importProblem = signal<Problem | null>(null);
  protected readonly result = signal<CatalogImportResult | null>(null);

  protected exportCatalog(): void {
    this.exporting.set(true);
    this.exportProblem.set(null);
    this.exported.set(null);
    this.api.exportCatalog().subscribe({
      next: (data) => {
        this.exporting.set(false);
        const name = `danh-muc-thu-tuc-${new Date().toISOString().slice(0, 10)}.json`;
        const url = URL.createObjectURL(
          new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
        );
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
        this.exported.set(
          `Đã xuất ${data.procedures.length} thủ tục, ${data.fields.length} lĩnh vực vào tệp ${name}.`,
        );
      },
      error: (e: unknown) => {
        this.exporting.set(false);
        this.exportProblem.set(toProblem(e));
      },
    });
  }

  protected async pickFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.payload.set(null);
    this.result.set(null);
    this.importProblem.set(null);
    this.fileName.set(file?.name ?? null);
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) {
      this.importProblem.set(localProblem('Tệp quá lớn (tối đa 20 MB)'));
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      this.importProblem.set(localProblem('Tệp không phải JSON hợp lệ'));
      return;
    }
    const d = data as Partial<CatalogExport>;
    if (d?.format !== 'dvc-catalog' || d.formatVersion !== 1 || !Array.isArray(d.procedures)) {
      this.importProblem.set(
        localProblem('Tệp không đúng định dạng danh mục thủ tục (dvc-catalog, phiên bản 1)'),
      );
      return;
    }
    this.payload.set(d as CatalogExport);
  }

  protected importCatalog(): void {
    const body = this.payload();
    if (!body) return;
    this.importing.set(true);
    this.importProblem.set(null);
    this.result.set(null);
    this.api.importCatalog(body).subscribe({
      next: (r) => {
        this.importing.set(false);
        this.result.set(r);
        setTimeout(() => document.getElementById('import-result-title')?.focus());
      },
      error: (e: unknown) => {
        this.importing.set(false);
        this.importProblem.set(toProblem(e));
      },
    });
  }
}
