import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Font aliases registered on every form document. */
export const FONT = { regular: 'dvc-regular', bold: 'dvc-bold', italic: 'dvc-italic' } as const;

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
}

let cached: FontFiles | undefined;

/**
 * DejaVu Sans (TrueType, full Vietnamese coverage, free licence), read once per process. Embedded
 * as a subset, so the printed form looks the same on every reader and its text stays searchable.
 */
export function formFonts(): FontFiles {
  if (!cached) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
      italic: readFileSync(join(dir, 'DejaVuSans-Oblique.ttf')),
    };
  }
  return cached;
}
