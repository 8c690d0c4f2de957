import type { ProcedureVersionContent } from '@dvc/shared/contracts';
import type { CatalogFeedItem } from '@dvc/platform/national-portal';
import { changedFields, mergeFeedContent } from './catalog-feed.service';

const local: ProcedureVersionContent = {
  name: 'Đăng ký thường trú',
  onlineLevel: 'toan_trinh',
  timeLimitDays: 7,
  timeLimitNote: 'Kể từ ngày nhận đủ hồ sơ',
  fees: [{ code: 'LP01', name: 'Lệ phí đăng ký cư trú', amount: 20000 }],
  documents: [{ code: 'TP01', name: 'Tờ khai thay đổi thông tin cư trú', copies: 1, form: 'original', required: true }],
  formSchema: { type: 'object', properties: { diaChi: { type: 'string', title: 'Địa chỉ' } } },
  implementingAgencyCodes: ['000.31.00.H99', '000.32.00.H99'],
  resultName: 'Thông báo kết quả',
  legalBasis: 'Luật Cư trú 2020',
  applicantTypes: ['citizen'],
};

const item = (o: Partial<CatalogFeedItem> = {}): CatalogFeedItem => ({
  nationalCode: '1.004222',
  name: local.name,
  field: { code: 'CU', name: 'Đăng ký, quản lý cư trú' },
  level: 'commune',
  onlineLevel: local.onlineLevel,
  timeLimitDays: local.timeLimitDays,
  timeLimitNote: local.timeLimitNote,
  fees: local.fees,
  documents: local.documents,
  implementingAgencyName: 'Công an cấp xã',
  resultName: local.resultName,
  legalBasis: local.legalBasis,
  updatedAt: '2025-10-15T02:00:00.000Z',
  ...o,
});

describe('catalog feed merge and diff', () => {
  it('takes the portal’s part and keeps the local e-form, units and applicants', () => {
    const merged = mergeFeedContent(local, item({ timeLimitDays: 5, timeLimitNote: undefined, documents: [...local.documents, { code: 'TP02', name: 'Giấy tờ chỗ ở', copies: 1, form: 'copy', required: true }] }));
    expect(merged.timeLimitDays).toBe(5);
    expect(merged.timeLimitNote).toBeUndefined();
    expect(merged.documents.map((d) => d.code)).toEqual(['TP01', 'TP02']);
    expect(merged.formSchema).toBe(local.formSchema);
    expect(merged.implementingAgencyCodes).toEqual(local.implementingAgencyCodes);
    expect(merged.applicantTypes).toEqual(['citizen']);
    expect(changedFields(local, merged)).toEqual(['thời hạn giải quyết', 'ghi chú thời hạn', 'thành phần hồ sơ']);
  });

  it('finds nothing to change when the portal says what the catalog holds', () => {
    expect(changedFields(local, mergeFeedContent(local, item()))).toEqual([]);
    expect(changedFields(local, mergeFeedContent(local, item({ fees: [{ ...local.fees[0], amount: 10000 }] })))).toEqual(['phí, lệ phí']);
  });
});
