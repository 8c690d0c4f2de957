import { codeDay, formatDossierCode, tt01DossierCode } from './dossier-code';

const tt01 = (parts: Parameters<typeof formatDossierCode>[1]) => formatDossierCode(tt01DossierCode, parts);

describe('tt01DossierCode', () => {
  it('formats <agency>-<yymmdd>-<seq 4 digits> and matches the TT 01/2018 pattern', () => {
    const code = tt01({ agencyCode: '000.00.13.H56', day: '2026-11-18', seq: 42 });
    expect(code).toBe('000.00.13.H56-261118-0042');
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);
  });

  it('pads to 4 digits and grows beyond 9999 instead of wrapping', () => {
    expect(tt01({ agencyCode: '000.31.00.H99', day: '2026-01-05', seq: 1 })).toBe('000.31.00.H99-260105-0001');
    expect(tt01({ agencyCode: '000.31.00.H99', day: '2026-01-05', seq: 9999 })).toBe('000.31.00.H99-260105-9999');
    expect(tt01({ agencyCode: '000.31.00.H99', day: '2026-01-05', seq: 10000 })).toBe('000.31.00.H99-260105-10000');
  });

  it('refuses a bad sequence or day', () => {
    expect(() => tt01({ agencyCode: '000.31.00.H99', day: '2026-01-05', seq: 0 })).toThrow(RangeError);
    expect(() => tt01({ agencyCode: '000.31.00.H99', day: '2026-01-05', seq: 1.5 })).toThrow(RangeError);
    expect(() => tt01({ agencyCode: '000.31.00.H99', day: '05/01/2026', seq: 1 })).toThrow(RangeError);
  });

  it('numbers under the receipt day in Vietnam time (UTC+7), not UTC', () => {
    // 2026-06-09 18:30 UTC is 2026-06-10 01:30 in Vietnam.
    expect(codeDay(new Date('2026-06-09T18:30:00Z'))).toBe('2026-06-10');
    expect(codeDay(new Date('2026-06-09T16:59:59Z'))).toBe('2026-06-09');
  });
});
