import { HttpResponse } from '@angular/common/http';
import { DeskApi, fileNameFrom, saveBlob } from '@dvc/channel/api-client';
import { Observable, map } from 'rxjs';

interface Pdf {
  blob: Blob;
  fileName: string;
}

/**
 * Fetches a one-stop form's PDF with the bearer token (API files are fetched, not linked), then
 * saves it under the name the API gives (Vietnamese, RFC 5987) or opens the print dialog for it.
 */
export function openFormPdf(api: DeskApi, href: string, how: 'download' | 'print'): Observable<void> {
  return api.file(href).pipe(
    map((res: HttpResponse<Blob>) => {
      const pdf = {
        blob: new Blob([res.body ?? new Blob()], { type: 'application/pdf' }),
        fileName: fileNameFrom(res, 'bieu-mau.pdf'),
      };
      if (how === 'print') printPdf(pdf);
      else saveBlob(pdf.blob, pdf.fileName);
    }),
  );
}

/**
 * Opens the browser's print dialog for a PDF: the PDF is loaded in an invisible frame of this page
 * (same origin, so the frame can be asked to print), removed a minute later.
 */
function printPdf(pdf: Pdf): void {
  const url = URL.createObjectURL(pdf.blob);
  const frame = document.createElement('iframe');
  frame.title = `In ${pdf.fileName}`;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0';
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
  };
  frame.src = url;
  document.body.appendChild(frame);
  setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, 60_000);
}
