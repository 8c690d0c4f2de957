import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';


export interface PdfsigSignature {
  fieldName?: string;
  commonName?: string;
  signatureValidation?: string;
  certificateValidation?: string;
  totalDocumentSigned: boolean;
  signatureType?: string;
}

/** Runs poppler's pdfsig on the PDF and parses each "Signature #n" block. */
export function pdfsig(pdf: Buffer): { raw: string; signatures: PdfsigSignature[] } {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  let raw: string;
  try {
    raw = execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // pdfsig exits non-zero when a signature is invalid; its report is still on stdout.
    const err = e as { stdout?: string; stderr?: string };
    raw = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  const blocks = raw.split(/^Signature #\d+:$/m).slice(1);
  const signatures = blocks.map((b) => ({
    fieldName: /Signature Field Name: (.*)/.exec(b)?.[1]?.trim(),
    commonName: /Signer Certificate Common Name: (.*)/.exec(b)?.[1]?.trim(),
    signatureValidation: /Signature Validation: (.*)/.exec(b)?.[1]?.trim(),
    certificateValidation: /Certificate Validation: (.*)/.exec(b)?.[1]?.trim(),
    totalDocumentSigned: /^\s*- Total document signed\s*$/m.test(b),
    signatureType: /Signature Type: (.*)/.exec(b)?.[1]?.trim(),
  }));
  return { raw, signatures };
}

export function pdftoppmAvailable(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
