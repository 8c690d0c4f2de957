import { Browser, chromium, Locator, Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const urls = {
  portal: process.env['E2E_PORTAL_URL'] ?? 'http://127.0.0.1:4200',
  desk: process.env['E2E_DESK_URL'] ?? 'http://127.0.0.1:4300',
  api: process.env['E2E_API_URL'] ?? 'http://127.0.0.1:3000',
};

/** Fails the test on any uncaught page error: a journey that "works" with a console error does not. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * Waits until the element contains the text (pages load asynchronously: reading textContent at once
 * can catch the loading state), failing with what the element showed instead.
 */
export async function expectText(locator: Locator, text: string, timeout = 15_000): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout });
  } catch {
    const shown = await locator.first().textContent({ timeout: 1000 }).catch(() => '(không có phần tử)');
    throw new Error(`Expected "${text}" in ${locator}, but it shows: ${shown}`);
  }
}
