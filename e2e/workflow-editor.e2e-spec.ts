import type { Browser } from 'playwright-core';
import { byTestId, expectText, launchBrowser, urls, watchErrors } from './browser';

/**
 * The workflow editor of issue #4: an agency admin opens the default workflow, introduces an
 * unreachable step, sees the Vietnamese error, fixes it, sees the graph, saves a new version and
 * assigns it to a procedure.
 */
describe('workflow editor journey (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('an agency admin edits a workflow with the graph preview and saves a new version', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${urls.desk}/dang-nhap`);
    await byTestId(page, 'login-username').fill('quantri.tinh');
    await byTestId(page, 'login-password').fill('Demo@2026');
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'current-user').waitFor();

    await byTestId(page, 'nav-workflows').click();
    const row = page.locator('[data-testid="workflow"][data-code="mot-cua.mac-dinh"] tr[data-version="1"]');
    await expectText(row, 'Mặc định cho mọi thủ tục');
    await row.locator('[data-testid="open-version"]').click();
    await page.waitForURL(/\/quy-trinh\/mot-cua\.mac-dinh\/phien-ban\/1$/);

    // The stored version's graph is drawn at once, with a text list of its transitions.
    await page.locator('[data-testid="workflow-graph"] [data-step="approval"]').waitFor();
    await expectText(byTestId(page, 'workflow-transitions'), 'Lãnh đạo phê duyệt');

    const editor = byTestId(page, 'workflow-json');
    const def = JSON.parse(await editor.inputValue());
    def.name = 'Quy trình một cửa có thẩm tra thực địa';
    def.steps.push({
      id: 'tham-tra',
      name: 'Thẩm tra thực địa',
      kind: 'processing',
      owner: { role: 'specialist', unit: 'receiving' },
      share: 0,
      status: 'processing',
    });
    await editor.fill(JSON.stringify(def, null, 2));
    // Keyboard: Ctrl+Enter checks.
    await editor.press('Control+Enter');
    await expectText(
      byTestId(page, 'workflow-errors'),
      'Bước "tham-tra" không thể tới được từ bước tiếp nhận "intake"',
    );
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    // The unreachable step is drawn apart, marked.
    await page.locator('[data-step="tham-tra"].node--unreachable').waitFor();

    // Saving the broken definition is refused with the same Vietnamese error.
    await byTestId(page, 'save-workflow').click();
    await expectText(byTestId(page, 'problem-alert'), 'Quy trình xử lý không hợp lệ');
    await expectText(byTestId(page, 'workflow-errors'), 'không thể tới được');

    // Fix: the specialist sends the dossier to the field check, which goes on to approval.
    def.transitions.push(
      { from: 'processing', fromStatus: 'processing', action: 'forward', to: 'tham-tra' },
      { from: 'tham-tra', action: 'submit_for_approval', to: 'approval' },
    );
    await editor.fill(JSON.stringify(def, null, 2));
    await expectText(byTestId(page, 'stale-note'), 'Nội dung đã thay đổi');
    await byTestId(page, 'check-workflow').click();
    await byTestId(page, 'workflow-ok').waitFor();
    await page.locator('[data-step="tham-tra"]:not(.node--unreachable)').waitFor();
    await expectText(byTestId(page, 'workflow-transitions'), 'Thẩm tra thực địa');
    await expectText(byTestId(page, 'workflow-transitions'), 'Chuyển xử lý');

    await byTestId(page, 'save-workflow').click();
    await page.waitForURL(/\/quy-trinh\/mot-cua\.mac-dinh\/phien-ban\/2$/);
    await expectText(byTestId(page, 'notice'), 'Đã lưu quy trình mot-cua.mac-dinh phiên bản 2');
    // The editor now holds the stored version 2.
    await page.waitForFunction(
      `document.querySelector('[data-testid="workflow-json"]').value.includes('"version": 2')`,
    );
    expect(JSON.parse(await editor.inputValue())).toMatchObject({ version: 2, name: def.name });

    // Assign version 2 to Cấp Giấy xác nhận tình trạng hôn nhân, from now.
    await byTestId(page, 'assign-procedure').locator('option[value="1.004873"]').waitFor({ state: 'attached' });
    await byTestId(page, 'assign-procedure').selectOption('1.004873');
    await byTestId(page, 'assign-workflow').click();
    await expectText(byTestId(page, 'assign-notice'), 'hồ sơ mới của thủ tục 1.004873');
    await expectText(byTestId(page, 'workflow-usages'), '1.004873');

    // Version 1 is unchanged.
    const res = await fetch(`${urls.api}/api/v1/auth/official/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
    });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const v1 = await fetch(`${urls.api}/api/v1/admin/workflows/mot-cua.mac-dinh/versions/1`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    const body = (await v1.json()) as { definition: { steps: { id: string }[] } };
    expect(body.definition.steps.some((s) => s.id === 'tham-tra')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
