import type { Browser } from 'playwright-core';
import { byTestId, launchBrowser, urls, expectText, watchErrors } from './browser';
import {
  actAsOfficial,
  DEMO_CITIZEN,
  DEMO_PASSWORD,
  deskSession,
  openFromInbox,
  submitBirthRegistration,
  supplyAsCitizen,
  takeAction,
} from './desk-helpers';
import { tinyPdf } from './files';

/**
 * The one-stop desk journeys of issue #4, in Chromium: a citizen's online dossier goes through
 * intake → processing → approval (the leader signs the e-result) → return by three officials of UBND
 * phường Bình Minh, after which the citizen downloads the signed result in the portal; a supplement
 * round trip with the citizen; and a stale action (someone else acted first) is reported, not lost.
 */
describe('one-stop desk workflow (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('intake officer accepts → specialist processes → leader approves → intake officer returns the result', async () => {
    const dossier = await submitBirthRegistration('NGUYỄN THỊ E2E MỘT');
    expect(dossier.status).toBe('submitted');

    // 1. Intake officer: the new dossier is in the inbox; accept it (issues the receipt, Mẫu 01).
    const intake = await deskSession(browser, 'tiepnhan.binhminh');
    await byTestId(intake.page, 'nav-inbox').click();
    await byTestId(intake.page, 'inbox-counts').waitFor();
    await openFromInbox(intake.page, dossier.code);
    await expectText(byTestId(intake.page, 'form-data'), 'NGUYỄN THỊ E2E MỘT');
    // Only the actions the engine allows an intake officer at intake are offered.
    await expect(byTestId(intake.page, 'action-approve').count()).resolves.toBe(0);
    await takeAction(intake.page, 'accept', 'received');
    await byTestId(intake.page, 'tab-history').click();
    await expectText(byTestId(intake.page, 'history'), 'Tiếp nhận hồ sơ');

    // 2. Specialist: takes the dossier (assign to self when needed) and submits it for approval.
    const specialist = await deskSession(browser, 'chuyenvien.binhminh');
    await openFromInbox(specialist.page, dossier.code);
    if (await byTestId(specialist.page, 'action-assign').count()) {
      await takeAction(specialist.page, 'assign', 'processing');
    }
    await takeAction(specialist.page, 'submit_for_approval', 'awaiting_approval', {
      note: 'Hồ sơ đủ điều kiện',
    });

    // 3. Leader approves with the result PDF, which is PAdES-signed in the same transaction.
    const leader = await deskSession(browser, 'lanhdao.binhminh');
    await openFromInbox(leader.page, dossier.code);
    await byTestId(leader.page, 'action-approve').click();
    await leader.page.locator('[data-testid="action-dialog"] form[data-action="approve"]').waitFor();
    await byTestId(leader.page, 'action-confirm').click();
    await expectText(leader.page.locator('#act-result-err'), 'Vui lòng chọn tệp PDF kết quả giải quyết');
    await expect(leader.page.locator('#act-result-file').getAttribute('aria-invalid')).resolves.toBe('true');
    await byTestId(leader.page, 'approve-result-file').setInputFiles({
      name: 'trich-luc-khai-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('Trich luc khai sinh'),
    });
    await byTestId(leader.page, 'action-confirm').click();
    await leader.page.locator('[data-testid="dossier-header"][data-status="result_ready"]').waitFor();
    const signed = byTestId(leader.page, 'signed-result');
    await signed.waitFor();
    expect(await signed.getAttribute('data-signature-status')).toBe('valid');
    await expectText(byTestId(leader.page, 'signed-result-signer'), 'Bùi Văn Chủ Tịch');
    await expectText(byTestId(leader.page, 'signed-result-delivery'), 'Chưa trả cho người nộp');

    // 4. Intake officer returns the result at the desk.
    await openFromInbox(intake.page, dossier.code);
    await takeAction(intake.page, 'return_result', 'returned');
    await expectText(byTestId(intake.page, 'dossier-status').first(), 'Đã trả kết quả',
    );
    await expectText(byTestId(intake.page, 'no-actions'), 'Hồ sơ đã kết thúc');
    // The control sheet (Mẫu 05) lists the hand-overs.
    await byTestId(intake.page, 'tab-steps').click();
    await byTestId(intake.page, 'steps-table').waitFor();
    expect(await byTestId(intake.page, 'steps-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await expectText(byTestId(intake.page, 'signed-result-delivery'), 'Đã trả cho người nộp');

    // 5. Level 4: the citizen sees the signed result in the portal and downloads it.
    const citizen = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await citizen.newPage();
    const citizenErrors = watchErrors(page);
    await page.goto(`${urls.portal}/dang-nhap?returnUrl=${encodeURIComponent(`/ho-so-cua-toi/${dossier.id}`)}`);
    await byTestId(page, 'login-identity').fill(DEMO_CITIZEN);
    await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
    await byTestId(page, 'login-submit').click();
    const result = byTestId(page, 'signed-result');
    await result.waitFor();
    await expectText(result, 'Kết quả giải quyết (đã ký số)');
    expect(await result.getAttribute('data-signature-status')).toBe('valid');
    await expectText(byTestId(page, 'signed-result-signer'), 'Bùi Văn Chủ Tịch');
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/dossiers/${dossier.id}/result`)),
      page.waitForEvent('download'),
      byTestId(page, 'signed-result-download').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const body = await response.body();
    expect(body.includes('/ByteRange')).toBe(true);
    expect(body.includes('Trich luc khai sinh')).toBe(true);
    expect(download.suggestedFilename()).toBe(`ket-qua-${dossier.code}.pdf`);
    expect(citizenErrors).toEqual([]);
    await citizen.close();

    for (const s of [intake, specialist, leader]) {
      expect(s.errors).toEqual([]);
      await s.close();
    }
  });

  it('supplement round trip: the officer asks, the citizen supplies, the dossier is back in the inbox', async () => {
    const dossier = await submitBirthRegistration('LÊ VĂN E2E HAI');
    const intake = await deskSession(browser, 'tiepnhan.binhminh');
    await openFromInbox(intake.page, dossier.code);
    await takeAction(intake.page, 'request_supplement', 'supplement_requested', {
      items: ['Bản chính Giấy chứng sinh'],
      note: 'Giấy chứng sinh tải lên bị mờ, đề nghị nộp lại bản rõ nét',
    });
    await byTestId(intake.page, 'tab-history').click();
    await expectText(byTestId(intake.page, 'history'), 'Bản chính Giấy chứng sinh',
    );

    const back = await supplyAsCitizen(dossier.id, 'Đã nộp lại Giấy chứng sinh bản rõ nét');
    expect(back.status).not.toBe('supplement_requested');

    // Back in the inbox, with the status it had before the request.
    await byTestId(intake.page, 'nav-inbox').click();
    await intake.page.goto(`${urls.desk}/ho-so?q=${encodeURIComponent(dossier.code)}`);
    const row = intake.page.locator(`[data-testid="inbox-row"][data-code="${dossier.code}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe(back.status);
    await openFromInbox(intake.page, dossier.code);
    await byTestId(intake.page, 'tab-history').click();
    await expectText(byTestId(intake.page, 'history'), 'Đã nộp lại Giấy chứng sinh',
    );
    await takeAction(intake.page, 'accept', 'received');

    expect(intake.errors).toEqual([]);
    await intake.close();
  });

  it('in-person intake: the officer enters a dossier at the counter, gets its code, then accepts it', async () => {
    const intake = await deskSession(browser, 'tiepnhan.binhminh');
    const { page } = intake;
    await byTestId(page, 'nav-intake').click();
    await byTestId(page, 'intake-procedure').selectOption('1.001193');
    await byTestId(page, 'intake-agency').waitFor();
    await byTestId(page, 'intake-applicant-name').fill('Hoàng Văn Quầy');
    await byTestId(page, 'intake-applicant-id').fill('001088004321');
    await page.locator('#in-doc-TP01').check();
    await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').fill('HOÀNG THỊ QUẦY');
    await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-10-10');
    await page.getByLabel('Nữ', { exact: true }).check();
    await page.getByLabel('Nơi sinh').fill('Trạm y tế phường Bình Minh');
    await page.getByLabel('Dân tộc').fill('Kinh');
    await page.getByLabel('Quốc tịch').fill('Việt Nam');
    await page.getByLabel('Họ, chữ đệm, tên người mẹ').fill('LÊ THỊ HOA');
    await page.getByLabel('Số định danh cá nhân của mẹ').fill('001190005555');
    await page.getByLabel('Họ, chữ đệm, tên người đi khai sinh').fill('HOÀNG VĂN QUẦY');
    await page.getByLabel('Số định danh cá nhân của người đi khai sinh').fill('001088004321');
    await page.getByLabel('Quan hệ với người được khai sinh').selectOption('Cha');
    await byTestId(page, 'intake-submit').click();

    const created = byTestId(page, 'intake-created');
    await created.waitFor();
    const code = await created.getAttribute('data-code');
    expect(code).toMatch(/^000\.31\.00\.H99-\d{6}-\d{4}$/);
    await byTestId(page, 'intake-open').click();
    await page.locator('[data-testid="dossier-header"][data-status="submitted"]').waitFor();
    await expectText(byTestId(page, 'applicant'), 'Hoàng Văn Quầy');
    await takeAction(page, 'accept', 'received');

    expect(intake.errors).toEqual([]);
    await intake.close();
  });

  it('a stale action is refused with "Hồ sơ đã được người khác cập nhật" and a reload', async () => {
    const dossier = await submitBirthRegistration('PHẠM VĂN E2E BA');
    const intake = await deskSession(browser, 'tiepnhan.binhminh');
    await openFromInbox(intake.page, dossier.code);
    // Meanwhile another session accepts it.
    await actAsOfficial('tiepnhan.binhminh', dossier.id, { action: 'accept' });

    await byTestId(intake.page, 'action-accept').click();
    await byTestId(intake.page, 'action-confirm').click();
    const stale = byTestId(intake.page, 'stale-alert');
    await stale.waitFor();
    await expectText(stale, 'Hồ sơ đã được người khác cập nhật');
    await byTestId(intake.page, 'stale-reload').click();
    await intake.page.locator('[data-testid="dossier-header"][data-status="received"]').waitFor();
    await expect(byTestId(intake.page, 'action-accept').count()).resolves.toBe(0);

    expect(intake.errors).toEqual([]);
    await intake.close();
  });
});
