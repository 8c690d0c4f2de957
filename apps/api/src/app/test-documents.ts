import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './test-app';

/** A small valid PDF (type is decided from the bytes). */
export const smallPdf = (tag = '') => {
  const head = Buffer.from(`%PDF-1.7\n% ${tag}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, 1024 - head.length), 0x20), Buffer.from('\n%%EOF\n')]);
};

/**
 * Uploads one small PDF per component code as `token` and returns the `attachments` of a
 * submission: online submissions must carry their required documents (1.001193: TP01, TP02).
 */
export async function uploadDocuments(t: TestApp, token: string, codes: readonly string[] = ['TP01', 'TP02']): Promise<{ documentCode: string; attachmentId: string }[]> {
  const refs: { documentCode: string; attachmentId: string }[] = [];
  for (const documentCode of codes) {
    const res = await t.http
      .post('/api/v1/attachments')
      .set({ Authorization: `Bearer ${token}` })
      .attach('file', smallPdf(documentCode), { filename: `${documentCode}.pdf`, contentType: 'application/pdf' })
      .expect(201);
    refs.push({ documentCode, attachmentId: res.body.id as string });
  }
  return refs;
}

interface SeedCatalog {
  procedures: { code: string; content: { documents: { code: string; required: boolean }[] } }[];
}

/** The required component codes of a seeded procedure (from the demo catalog). */
export function requiredDocuments(procedureCode: string): string[] {
  const seed = JSON.parse(readFileSync(join(__dirname, '../seed/catalog.seed.json'), 'utf8')) as SeedCatalog;
  const p = seed.procedures.find((x) => x.code === procedureCode);
  return p ? p.content.documents.filter((d) => d.required).map((d) => d.code) : [];
}

/** Uploads the required documents of a seeded procedure as `token`: the `attachments` of its submission. */
export const documentsFor = (t: TestApp, token: string, procedureCode: string) => uploadDocuments(t, token, requiredDocuments(procedureCode));
