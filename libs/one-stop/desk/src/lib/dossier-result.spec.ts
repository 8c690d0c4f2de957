import { DossierResultRow, toDossierResultDto } from './dossier-result';

const row = (status: string): DossierResultRow => ({
  file_name: 'ket-qua-000.31.00.H99-261125-0001.pdf',
  size_bytes: '20480',
  sha256: `${'ab'.repeat(32)}`,
  storage_key: 'results/2026/11/x.pdf',
  signer_name: 'Bùi Văn Chủ Tịch',
  unit_name: 'UBND phường Bình Minh',
  certificate_subject: 'CN=UBND phường Bình Minh',
  signed_at: new Date('2026-11-25T02:30:00Z'),
  signature_status: 'valid',
  signature_info: null,
  document_id: '6f1c3a52-0d5e-4c7e-9a53-0e2a9a1d2b7c',
  dossier_status: status,
});

describe('toDossierResultDto', () => {
  it('is delivered, with its document-store entry, only once the dossier is returned', () => {
    expect(toDossierResultDto(row('result_ready'), '/r')).toMatchObject({ delivered: false, documentId: null });
    expect(toDossierResultDto(row('returned'), '/r')).toMatchObject({
      delivered: true,
      documentId: '6f1c3a52-0d5e-4c7e-9a53-0e2a9a1d2b7c',
    });
  });

  it('maps sizes to numbers, times to ISO strings, and never exposes the storage key', () => {
    const dto = toDossierResultDto(row('returned'), '/api/v1/dossiers/x/result');
    expect(dto).toMatchObject({ sizeBytes: 20480, signedAt: '2026-11-25T02:30:00.000Z', href: '/api/v1/dossiers/x/result' });
    expect(JSON.stringify(dto)).not.toContain('results/2026');
  });
});
