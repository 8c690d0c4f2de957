import { dossierEventLabel } from './dossier-events';

describe('dossierEventLabel', () => {
  it('names known events, then actions, then the status reached, in Vietnamese', () => {
    expect(dossierEventLabel({ type: 'receipt_issued' })).toBe('Cấp giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)');
    expect(dossierEventLabel({ type: 'return_result' })).toBe('Trả kết quả');
    expect(dossierEventLabel({ type: 'something_new', toStatus: 'processing' })).toBe('Đang xử lý');
    expect(dossierEventLabel({ type: 'sla-overdue' })).toBe('Quá hạn xử lý');
    expect(dossierEventLabel({ type: 'unknown' })).toBe('unknown');
  });
});
