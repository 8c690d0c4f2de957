import { generateKeyPairSync } from 'node:crypto';
import * as forge from 'node-forge';
import { NationalPortalClient, PortalClientOptions, PortalRejectedError, PortalTransientError } from '@dvc/platform/national-portal';
import { RunningSimulator, startSimulator } from './simulator';

const record = (o: Record<string, unknown> = {}) =>
  ({
    MaHoSo: '000.00.01.H98-260609-0001',
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    MaLinhVuc: 'HT',
    TenLinhVuc: 'Hộ tịch',
    KenhThucHien: 2,
    ChuHoSo: 'Nguyễn Văn An',
    LoaiDoiTuong: 1,
    SoDinhDanh: '001099012345',
    SoDienThoai: '',
    Email: '',
    NgayNopHoSo: '20260609083000',
    NgayTiepNhan: '20260609090000',
    NgayHenTra: '20260612170000',
    TrangThaiHoSo: 2,
    NgayTra: '',
    NgayKetThucXuLy: '',
    NgayTuChoi: '',
    DonViXuLy: 'UBND xã Thử',
    PhienBan: 1,
    NgayCapNhat: '20260609090000',
    ...o,
  }) as any;

const clientFor = (sim: RunningSimulator, o: Partial<PortalClientOptions> = {}) =>
  new NationalPortalClient({ baseUrl: sim.url, authPath: '/adapter/auth', servicePath: '/adapter/service', username: 'dvc-dev', password: 'dvc-dev-password', timeoutMs: 500, ...o });

describe('national-portal client against the simulator', () => {
  let sim: RunningSimulator;
  let client: NationalPortalClient;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 1 });
    client = clientFor(sim);
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.runtime.store.reset();
    sim.runtime.setFaults({ latencyMs: 0, errorRate: 0, timeoutRate: 0, resetRate: 0, dropResponseRate: 0, slowDrainMs: 0 });
  });

  it('logs in once, upserts with DongBoHoSoMC and reads back with TraCuuHoSo', async () => {
    await client.syncDossiers('000.00.01.H98', [record()], false);
    await client.syncDossiers('000.00.01.H98', [record({ PhienBan: 2, TrangThaiHoSo: 4 })], true);
    expect(await client.lookup('000.00.01.H98', '000.00.01.H98-260609-0001')).toMatchObject({ PhienBan: 2, TrangThaiHoSo: 4 });
    expect(await client.lookup('000.00.01.H98', 'không-có')).toBeNull();
    expect(sim.runtime.store.counts).toMatchObject({ logins: 1, accepted: 2, isUpdatingMismatch: 0 });
  });

  it('logs in again when the portal forgets the session', async () => {
    await client.syncDossiers('X', [record()], false);
    sim.runtime.expireSessions();
    await client.syncDossiers('X', [record({ PhienBan: 2 })], true);
    expect(sim.runtime.store.counts.logins).toBeGreaterThanOrEqual(1);
    expect(sim.runtime.store.dossiers.get(record().MaHoSo)?.version).toBe(2);
  });

  it('tells refused data (no retry) from failures worth retrying', async () => {
    await expect(client.syncDossiers('X', [record({ NgayHenTra: '12/06/2026' })], false)).rejects.toBeInstanceOf(PortalRejectedError);
    expect(sim.runtime.store.counts.rejected).toBe(1);
    for (const fault of [{ errorRate: 1 }, { timeoutRate: 1 }, { resetRate: 1 }, { dropResponseRate: 1 }]) {
      sim.runtime.setFaults({ errorRate: 0, timeoutRate: 0, resetRate: 0, dropResponseRate: 0, ...fault });
      const t = Date.now();
      await expect(client.syncDossiers('X', [record()], false)).rejects.toBeInstanceOf(PortalTransientError);
      expect(Date.now() - t).toBeLessThan(1500); // the timeout bounds a portal that never answers
    }
    // Processed although the answer was lost: the retry is a harmless duplicate.
    expect(sim.runtime.store.counts.accepted).toBe(1);
    expect(sim.runtime.store.counts.faults).toMatchObject({ errors: 1, timeouts: 1, resets: 1, droppedResponses: 1 });
  });

  it('changes faults at runtime through POST /sim/faults and refuses bad values', async () => {
    const res = await fetch(`${sim.url}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 5, errorRate: 0.5, seed: 3 }) });
    expect(await res.json()).toMatchObject({ latencyMs: 5, errorRate: 0.5, timeoutRate: 0 });
    const bad = await fetch(`${sim.url}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 2 }) });
    expect(bad.status).toBe(400);
    const state = await (await fetch(`${sim.url}/sim/state`)).json();
    expect(state).toMatchObject({ faults: { errorRate: 0.5 }, counts: { received: 0 }, dossiers: [] });
  });
});

/** A CA, a server certificate for 127.0.0.1 and a client certificate, all signed by the CA. */
function pki() {
  const keys = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    return { privateKey: forge.pki.privateKeyFromPem(privateKey), publicKey: forge.pki.publicKeyFromPem(publicKey), pem: privateKey };
  };
  const cert = (cn: string, k: ReturnType<typeof keys>, issuer: { cert?: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }, ext: object[]) => {
    const c = forge.pki.createCertificate();
    c.publicKey = k.publicKey;
    c.serialNumber = '0' + Math.floor(Math.random() * 1e9).toString(16);
    c.validity.notBefore = new Date(Date.now() - 60_000);
    c.validity.notAfter = new Date(Date.now() + 86_400_000);
    c.setSubject([{ name: 'commonName', value: cn }]);
    c.setIssuer(issuer.cert ? issuer.cert.subject.attributes : [{ name: 'commonName', value: cn }]);
    c.setExtensions(ext);
    c.sign(issuer.key, forge.md.sha256.create());
    return c;
  };
  const caKey = keys();
  const ca = cert('DVC test CA', caKey, { key: caKey.privateKey }, [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true }]);
  const serverKey = keys();
  const server = cert('127.0.0.1', serverKey, { cert: ca, key: caKey.privateKey }, [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }, { name: 'extKeyUsage', serverAuth: true }]);
  const clientKey = keys();
  const client = cert('dvc-sync-client', clientKey, { cert: ca, key: caKey.privateKey }, [{ name: 'extKeyUsage', clientAuth: true }]);
  const pem = (c: forge.pki.Certificate) => forge.pki.certificateToPem(c);
  return { ca: pem(ca), server: { cert: pem(server), key: serverKey.pem }, client: { cert: pem(client), key: clientKey.pem } };
}

describe('national-portal client with mutual TLS', () => {
  it('presents its client certificate, and a client without one is refused', async () => {
    const p = pki();
    const sim = await startSimulator({ tls: { cert: p.server.cert, key: p.server.key, ca: p.ca } });
    const withCert = clientFor(sim, { cert: p.client.cert, key: p.client.key, ca: p.ca, timeoutMs: 3000 });
    const without = clientFor(sim, { ca: p.ca, timeoutMs: 3000 });
    try {
      expect(sim.url).toMatch(/^https:/);
      await withCert.syncDossiers('X', [record()], false);
      expect(sim.runtime.store.counts.accepted).toBe(1);
      await expect(without.login()).rejects.toBeInstanceOf(PortalTransientError);
    } finally {
      withCert.close();
      without.close();
      await sim.close();
    }
  });
});
