import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { byTestId, launchBrowser } from './browser';
import { actAsOfficial, deskSession, openFromInbox, submitBirthRegistration } from './desk-helpers';

/**
 * The "Biểu mẫu" section of a dossier at the desk, in Chromium: the forms that apply are listed, a PDF
 * is downloaded with the keyboard under its Vietnamese name, and printing loads it for the print dialog.
 */
describe('desk forms Mẫu 01–05 (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('lists the forms that apply and downloads Mẫu 02 from the keyboard', async () => {
    const dossier = await submitBirthRegistration('PHẠM THỊ E2E BIỂU MẪU');
    await actAsOfficial('tiepnhan.binhminh', dossier.id, { action: 'accept' });
    await actAsOfficial('chuyenvien.binhminh', dossier.id, { action: 'assign' });
    await actAsOfficial('chuyenvien.binhminh', dossier.id, {
      action: 'request_supplement',
      note: 'Thiếu giấy tờ',
      items: [{ name: 'Bản sao giấy chứng nhận kết hôn của cha mẹ', note: 'Bản có chứng thực' }],
    });

    const s = await deskSession(browser, 'tiepnhan.binhminh');
    await openFromInbox(s.page, dossier.code);
    const section = byTestId(s.page, 'forms');
    await section.getByRole('heading', { name: 'Biểu mẫu' }).waitFor();
    await section.locator('li[data-form="mau-05"]').waitFor();
    expect(
      await section.locator('li[data-form]').evaluateAll((li) => li.map((e) => e.getAttribute('data-form'))),
    ).toEqual(['mau-01', 'mau-02', 'mau-05']);

    const download = s.page.waitForEvent('download');
    await byTestId(s.page, 'form-download-mau-02').focus();
    await s.page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `Mẫu 02 - Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ - ${dossier.code}.pdf`,
    );
    const path = await file.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await byTestId(s.page, 'form-print-mau-01').click();
    await s.page.locator('iframe[title^="In Mẫu 01"]').waitFor({ state: 'attached' });

    expect(s.errors).toEqual([]);
    await s.close();
  });
});
