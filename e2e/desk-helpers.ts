import type { Browser, Page } from 'playwright-core';
import { byTestId, urls, watchErrors } from './browser';

/** Demo password of every seeded account. */
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_CITIZEN = '001099012345';

const api = (path: string) => `${urls.api}/api/v1${path}`;

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function citizenToken(identityNumber = DEMO_CITIZEN): Promise<string> {
  const res = await fetch(api('/auth/citizen/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identityNumber, password: DEMO_PASSWORD }),
  });
  return (await json<{ accessToken: string }>(res, 'citizen login')).accessToken;
}

export async function officialToken(username: string): Promise<string> {
  const res = await fetch(api('/auth/official/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return (await json<{ accessToken: string }>(res, `official login ${username}`)).accessToken;
}

/** A complete Tờ khai đăng ký khai sinh (1.001193) that passes the procedure's JSON Schema. */
export function birthRegistrationForm(childName: string): Record<string, unknown> {
  return {
    hoTenTre: childName,
    ngaySinh: '2026-01-15',
    gioiTinh: 'Nữ',
    noiSinh: 'Trạm y tế phường Bình Minh',
    danToc: 'Kinh',
    quocTich: 'Việt Nam',
    queQuan: 'Bình Minh',
    me: {
      hoTen: 'TRẦN THỊ BÌNH',
      soDinhDanh: '001199012345',
      ngaySinh: '1995-05-05',
      noiCuTru: 'phường Bình Minh',
    },
    hoTenNguoiDiKhaiSinh: 'NGUYỄN VĂN CƯỜNG',
    soDinhDanhNguoiDiKhaiSinh: DEMO_CITIZEN,
    quanHeVoiNguoiDuocKhaiSinh: 'Cha',
  };
}

/** Uploads a tiny PDF as the citizen (for procedures whose required documents are enforced). */
export async function uploadPdf(token: string, documentCode: string): Promise<string> {
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  const form = new FormData();
  form.append('documentCode', documentCode);
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), `${documentCode}.pdf`);
  const res = await fetch(api('/attachments'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return (await json<{ id: string }>(res, 'upload')).id;
}

export interface CreatedDossier {
  id: string;
  code: string;
  status: string;
}

/**
 * The demo citizen submits a birth registration (1.001193) at UBND phường Bình Minh (000.31.00.H99)
 * through the API, with its required documents (TP01, TP02) uploaded and attached.
 */
export async function submitBirthRegistration(childName: string): Promise<CreatedDossier> {
  const token = await citizenToken();
  const body = {
    procedureCode: '1.001193',
    receivingAgencyCode: '000.31.00.H99',
    formData: birthRegistrationForm(childName),
    attachments: [
      { documentCode: 'TP01', attachmentId: await uploadPdf(token, 'TP01') },
      { documentCode: 'TP02', attachmentId: await uploadPdf(token, 'TP02') },
    ],
  };
  const res = await fetch(api('/dossiers'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'Idempotency-Key': `e2e-desk-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
    body: JSON.stringify(body),
  });
  return json<CreatedDossier>(res, 'submit dossier');
}

/** The citizen sends the requested supplement (clock resumes; dossier goes back to the step's status). */
export async function supplyAsCitizen(dossierId: string, note: string): Promise<{ status: string }> {
  const token = await citizenToken();
  const res = await fetch(api(`/dossiers/${dossierId}/supplement`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ note }),
  });
  return json<{ status: string }>(res, 'supplement');
}

/** One desk action through the API, as `username` (to make another official's change meanwhile). */
export async function actAsOfficial(
  username: string,
  dossierId: string,
  body: Record<string, unknown>,
): Promise<{ status: string; rowVersion: number }> {
  const token = await officialToken(username);
  const current = await json<{ rowVersion: number }>(
    await fetch(api(`/desk/dossiers/${dossierId}`), { headers: { authorization: `Bearer ${token}` } }),
    'desk detail',
  );
  const res = await fetch(api(`/desk/dossiers/${dossierId}/actions`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ expectedVersion: current.rowVersion, ...body }),
  });
  return json(res, `action ${String(body['action'])}`);
}

export interface DeskSession {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh browser context (own cookies) signed in to the desk as `username`. */
export async function deskSession(browser: Browser, username: string): Promise<DeskSession> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${urls.desk}/dang-nhap`);
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'current-user').waitFor();
  return { page, errors, close: () => context.close() };
}

/** Finds the dossier in the inbox by its code (text search) and opens it with the keyboard (j, Enter). */
export async function openFromInbox(page: Page, code: string): Promise<void> {
  await page.goto(`${urls.desk}/ho-so?q=${encodeURIComponent(code)}`);
  const link = page.locator(`[data-testid="inbox-link"][data-code="${code}"]`);
  await link.waitFor();
  await page.keyboard.press('j');
  const focused = await page
    .locator(':focus')
    .getAttribute('data-code', { timeout: 2000 })
    .catch(() => null);
  if (focused !== code) await link.focus();
  await page.keyboard.press('Enter');
  await byTestId(page, 'dossier-header').waitFor();
}

/** Clicks an allowed action, fills what its dialog asks for, confirms, and waits for the new status. */
export async function takeAction(
  page: Page,
  action: string,
  expectStatus: string,
  fill?: { note?: string; items?: string[] },
): Promise<void> {
  await byTestId(page, `action-${action}`).click();
  const dialog = page.locator(`[data-testid="action-dialog"] form[data-action="${action}"]`);
  await dialog.waitFor();
  if (fill?.items) {
    for (const [i, name] of fill.items.entries()) {
      if (i > 0) await byTestId(page, 'supplement-add').click();
      await byTestId(page, `supplement-item-name-${i}`).fill(name);
    }
  }
  if (fill?.note) await byTestId(page, 'action-note').fill(fill.note);
  if ((await dialog.getAttribute('data-requires-assignee')) === 'true') {
    const assignee = byTestId(page, 'action-assignee');
    await assignee.waitFor();
    // The dialog preselects the specialist themselves; make sure something is chosen.
    if (!(await assignee.inputValue())) await assignee.selectOption({ index: 1 });
  }
  await byTestId(page, 'action-confirm').click();
  await page.locator(`[data-testid="dossier-header"][data-status="${expectStatus}"]`).waitFor();
  await byTestId(page, 'action-result').waitFor();
}
