import type { RequiredDocument } from '@dvc/shared/contracts';
import { placeOf, receivedDocuments } from './received-documents';

const doc = (code: string, required: boolean, form: RequiredDocument['form'] = 'original'): RequiredDocument => ({ code, name: `Giấy tờ ${code}`, copies: 1, form, required });

describe('receipt data', () => {
  it('lists the required components, and optional ones only when files were attached, with their files', () => {
    const docs = [doc('TP01', true), doc('TP02', true, 'certified_copy'), doc('TP03', false), doc('TP04', false)];
    const files = [
      { document_code: 'TP02', name: 'Giấy tờ TP02', file_name: 'a.pdf' },
      { document_code: 'TP02', name: 'Giấy tờ TP02', file_name: 'b.png' },
      { document_code: 'TP04', name: 'Giấy tờ TP04', file_name: 'c.pdf' },
      { document_code: 'KHAC', name: 'Giấy tờ khác', file_name: 'd.pdf' },
    ];
    expect(receivedDocuments(docs, files)).toEqual([
      { name: 'Giấy tờ TP01', copies: 1, formLabel: 'bản chính', files: [] },
      { name: 'Giấy tờ TP02', copies: 1, formLabel: 'bản sao có chứng thực', files: ['a.pdf', 'b.png'] },
      { name: 'Giấy tờ TP04', copies: 1, formLabel: 'bản chính', files: ['c.pdf'] },
      { name: 'Giấy tờ khác', files: ['d.pdf'] },
    ]);
  });

  it('takes the place name of the date line from the receiving unit or its parent', () => {
    expect(placeOf('UBND phường Bình Minh', 'UBND tỉnh Demo')).toBe('Bình Minh');
    expect(placeOf('Sở Tư pháp', 'UBND tỉnh Demo')).toBe('Demo');
    expect(placeOf('Sở Tư pháp', null)).toBeUndefined();
  });
});
