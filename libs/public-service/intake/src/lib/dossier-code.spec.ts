import { codeDay, tt01DossierCode } from './dossier-code';

describe('tt01DossierCode', () => {
  it('builds the <agency>-<yymmdd>- prefix of TT 01/2018 and pads the sequence to 4 digits', () => {
    expect(tt01DossierCode.prefix({ agencyCode: '000.00.13.H56', day: '2026-11-18' })).toBe('000.00.13.H56-261118-');
    expect(tt01DossierCode.minDigits).toBe(4);
  });

  it('refuses a bad day or a missing agency code', () => {
    expect(() => tt01DossierCode.prefix({ agencyCode: '000.31.00.H99', day: '05/01/2026' })).toThrow(RangeError);
    expect(() => tt01DossierCode.prefix({ agencyCode: '', day: '2026-01-05' })).toThrow(RangeError);
  });

  it('numbers under the receipt day in Vietnam time (UTC+7), not UTC', () => {
    // 2026-06-09 18:30 UTC is 2026-06-10 01:30 in Vietnam.
    expect(codeDay(new Date('2026-06-09T18:30:00Z'))).toBe('2026-06-10');
    expect(codeDay(new Date('2026-06-09T16:59:59Z'))).toBe('2026-06-09');
  });
});
