import type { Browser, Page } from 'playwright-core';
import { byTestId, launchBrowser, urls, watchErrors, expectText } from './browser';
import { tinyPdf, tinyPng } from './files';

const CITIZEN = {
  identityNumber: '001099012345',
  password: 'Demo@2026',
  phone: '0912345678',
  name: 'Nguyễn Văn An',
};

/** How many dossiers the demo citizen has, straight from the API. */
async function dossierCount(): Promise<number> {
  const login = await fetch(`${urls.api}/api/v1/auth/citizen/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identityNumber: CITIZEN.identityNumber, password: CITIZEN.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${urls.api}/api/v1/dossiers?page=1&pageSize=1`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return ((await res.json()) as { total: number }).total;
}

/** Fills one e-form control by its JSON pointer (controls carry `data-testid="ef-<pointer>"`). */
const field = (page: Page, pointer: string) => page.locator(`[data-testid="ef-${pointer}"]`);

/**
 * The intake journey of issue #3: a citizen submits "Đăng ký khai sinh" online with two attachments,
 * resumes the draft after a reload, survives a lost response without a duplicate dossier, downloads
 * the receipt (Mẫu 01), then finds the dossier through the public lookup.
 */
describe('online submission journey (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a citizen submits a dossier with two files, downloads the receipt and finds it by public lookup', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const before = await dossierCount();

    // From the procedure page, "Nộp hồ sơ trực tuyến" asks an anonymous visitor to sign in, then comes back.
    await page.goto(`${urls.portal}/thu-tuc/1.001193`);
    await byTestId(page, 'submit-online').click();
    await page.waitForURL(/\/dang-nhap\?returnUrl=/);
    await byTestId(page, 'login-identity').fill(CITIZEN.identityNumber);
    await byTestId(page, 'login-password').fill(CITIZEN.password);
    await byTestId(page, 'login-submit').click();
    await page.waitForURL(/\/nop-ho-so\/1\.001193$/);
    await byTestId(page, 'wizard-next').waitFor();
    if (await byTestId(page, 'draft-discard').count()) {
      await byTestId(page, 'draft-discard').click();
      await byTestId(page, 'confirm-ok').click();
      await byTestId(page, 'draft-resumed').waitFor({ state: 'detached' });
    }

    // Step 1: the receiving agency is required.
    await byTestId(page, 'wizard-next').click();
    await expectText(page.locator('#agency-error'), 'Vui lòng chọn cơ quan tiếp nhận',
    );
    await byTestId(page, 'agency-000.31.00.H99').check();
    await byTestId(page, 'wizard-next').click();

    // Step 2: the e-form is rendered from the version's JSON Schema; client-side errors name the field.
    await field(page, '/hoTenTre').waitFor();
    await byTestId(page, 'wizard-next').click();
    await expectText(page.locator('[data-pointer="/hoTenTre"] .form-error'), 'là thông tin bắt buộc',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'ef-/hoTenTre',
    );
    await field(page, '/hoTenTre').fill('NGUYỄN MINH KHÔI');
    await field(page, '/ngaySinh').fill('2026-06-01');
    await field(page, '/gioiTinh-0').check();
    await field(page, '/noiSinh').fill('Bệnh viện Phụ sản Hà Nội');
    await field(page, '/danToc').fill('Kinh');
    await field(page, '/quocTich').fill('Việt Nam');
    await field(page, '/me/hoTen').fill('TRẦN THỊ BÌNH');
    await field(page, '/me/soDinhDanh').fill('00119901234'); // 11 digits: pattern ^[0-9]{12}$ fails
    await field(page, '/hoTenNguoiDiKhaiSinh').fill('NGUYỄN VĂN AN');
    await field(page, '/soDinhDanhNguoiDiKhaiSinh').fill(CITIZEN.identityNumber);
    await field(page, '/quanHeVoiNguoiDuocKhaiSinh').selectOption({ label: 'Cha' });
    await byTestId(page, 'wizard-next').click();
    await expect(
      page.locator('[data-pointer="/me/soDinhDanh"] .form-error').textContent(),
    ).resolves.toContain('không đúng định dạng');
    await field(page, '/me/soDinhDanh').fill('001199012345');

    // The draft is kept on the server: after a reload the answers are still there.
    await byTestId(page, 'save-draft').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Đã lưu nháp'),
    );
    await page.reload();
    await byTestId(page, 'draft-resumed').waitFor();
    await byTestId(page, 'wizard-next').click();
    await expect(field(page, '/hoTenTre').inputValue()).resolves.toBe('NGUYỄN MINH KHÔI');
    await expect(field(page, '/me/soDinhDanh').inputValue()).resolves.toBe('001199012345');
    await byTestId(page, 'wizard-next').click();

    // Step 3: the two required components, uploaded with progress.
    await byTestId(page, 'doc-TP01').waitFor();
    await byTestId(page, 'wizard-next').click();
    await byTestId(page, 'doc-TP01').locator('.form-error').waitFor();
    await byTestId(page, 'doc-input-TP01').setInputFiles({
      name: 'to-khai-khai-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await byTestId(page, 'doc-input-TP02').setInputFiles({
      name: 'giay-chung-sinh.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    await byTestId(page, 'doc-TP01').locator('[data-state="done"]').waitFor();
    await byTestId(page, 'doc-TP02').locator('[data-state="done"]').waitFor();
    await byTestId(page, 'wizard-next').click();

    // Step 4: review, declaration, submit. The first response is lost on the way back: the portal
    // retries with the same Idempotency-Key and the API answers with the dossier it already made.
    await byTestId(page, 'review-documents').waitFor();
    expect(await byTestId(page, 'review-documents').textContent()).toContain('giay-chung-sinh.png');
    await byTestId(page, 'declaration').check();
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/api/v1/dossiers', async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      keys.push((await req.headerValue('idempotency-key')) ?? '');
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch(); // the API receives it and creates the dossier…
      await route.abort('connectionreset'); // …but the answer never reaches the browser
    });
    await byTestId(page, 'submit-dossier').click();
    await byTestId(page, 'submit-success').waitFor();
    await page.unroute('**/api/v1/dossiers');
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await dossierCount()).toBe(before + 1);

    const code = ((await byTestId(page, 'dossier-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^000\.31\.00\.H99-\d{6}-\d{4}$/);
    expect((await byTestId(page, 'due-at').textContent())?.trim()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    // Mẫu 01 receipt, as a PDF.
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/receipt.pdf')),
      page.waitForEvent('download'),
      byTestId(page, 'download-receipt').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // The dossier is in "Hồ sơ của tôi" with its history.
    await byTestId(page, 'nav-my-dossiers').click();
    await byTestId(page, 'my-dossier-link').filter({ hasText: code }).click();
    await byTestId(page, 'timeline').waitFor();
    expect(await byTestId(page, 'timeline').textContent()).toContain('Nộp hồ sơ trực tuyến');

    // Signed out, anyone with the code and the applicant's phone sees the status, and nothing personal.
    await byTestId(page, 'logout').click();
    await byTestId(page, 'nav-login').waitFor();
    await byTestId(page, 'nav-lookup').click();
    await byTestId(page, 'lookup-code').fill(code);
    await byTestId(page, 'lookup-factor').fill(CITIZEN.phone);
    await byTestId(page, 'lookup-submit').click();
    await byTestId(page, 'lookup-result').waitFor();
    expect(await byTestId(page, 'lookup-result').textContent()).toContain(code);
    expect((await byTestId(page, 'lookup-status').textContent())?.trim()).toBeTruthy();
    expect(await page.locator('main').textContent()).not.toContain(CITIZEN.name);

    // A wrong second factor gets the same "not found" as a wrong code.
    await byTestId(page, 'lookup-factor').fill('0900000000');
    await byTestId(page, 'lookup-submit').click();
    await byTestId(page, 'lookup-not-found').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
