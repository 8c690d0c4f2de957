import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether poppler-utils (pdftotext, pdffonts) is installed; the specs that read PDFs skip without it. */
export const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

function run(pdf: Buffer, tool: string, args: string[], toStdout: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-pdf-'));
  try {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, toStdout ? [...args, file, '-'] : [...args, file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text a PDF viewer extracts (pdftotext), NFC-normalised, with its page breaks as form feeds. */
export const pdfText = (pdf: Buffer, args: string[] = []): string => run(pdf, 'pdftotext', args, true).normalize('NFC');

/** The fonts table of pdffonts, one row per font, header dropped. */
export const pdfFonts = (pdf: Buffer): string[] => run(pdf, 'pdffonts', [], false).trim().split('\n').slice(2);
