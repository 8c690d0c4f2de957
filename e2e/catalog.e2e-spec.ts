import type { Browser } from 'playwright-core';
import { byTestId, launchBrowser, urls, watchErrors, expectText } from './browser';

/** The catalog journey of issue #2: a citizen finds a procedure; an agency admin publishes a new version. */
describe('catalog journey (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a citizen searches without diacritics and opens the procedure detail', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    const errors = watchErrors(page);
    await page.goto(urls.portal);
    await byTestId(page, 'search-input').fill('dang ky khai sinh');
    await byTestId(page, 'search-input').press('Enter');
    const result = byTestId(page, 'procedure-result-link').filter({ hasText: 'Đăng ký khai sinh' }).first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(/\/thu-tuc\/1\.001193/);
    await expectText(byTestId(page, 'procedure-code').first(), '1.001193');
    await byTestId(page, 'documents-table').waitFor();
    expect(await byTestId(page, 'documents-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectText(page.locator('h1').first(), 'Đăng ký khai sinh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an agency admin logs in to the desk, creates a new version and publishes it', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    const errors = watchErrors(page);
    await page.goto(`${urls.desk}/dang-nhap`);
    await byTestId(page, 'login-username').fill('quantri.tinh');
    await byTestId(page, 'login-password').fill('Demo@2026');
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'current-user').waitFor();

    await byTestId(page, 'nav-procedures').click();
    await byTestId(page, 'admin-search-input').fill('1.000894');
    const link = byTestId(page, 'procedure-link').filter({ hasText: /Đăng ký kết hôn|1\.000894/ }).first();
    await link.waitFor();
    await link.click();

    await byTestId(page, 'create-version').click();
    await byTestId(page, 'version-name').waitFor();
    await byTestId(page, 'version-name').fill('Đăng ký kết hôn (phiên bản kiểm thử e2e)');
    await byTestId(page, 'save-version').click();
    await byTestId(page, 'publish-version').waitFor();
    await byTestId(page, 'publish-version').click();
    await byTestId(page, 'confirm-ok').click();

    // Back on the procedure: the new version is in force, the previous one retired.
    const published = page.locator('[data-testid^="version-status-"][data-status="published"]');
    await published.first().waitFor();
    expect(await published.count()).toBe(1);
    expect(await published.getAttribute('data-testid')).toBe('version-status-2');
    expect(await published.textContent()).toContain('Đang áp dụng');
    const retired = page.locator('[data-testid^="version-status-"][data-status="retired"]');
    expect(await retired.count()).toBe(1);
    expect(await retired.textContent()).toContain('Ngừng áp dụng');

    // The portal now shows the new version's name.
    const res = await fetch(`${urls.api}/api/v1/catalog/procedures/1.000894`);
    expect((await res.json()).name).toBe('Đăng ký kết hôn (phiên bản kiểm thử e2e)');
    expect(errors).toEqual([]);
    await page.close();
  });
});
