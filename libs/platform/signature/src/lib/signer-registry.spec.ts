import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, loadConfig } from '@dvc/shared/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestPki, createTestPki } from './__fixtures__/test-pki';
import { SignatureError } from './errors';
import { Pkcs12Signer } from './pkcs12-signer';
import { RemoteHookSigner } from './remote-hook-signer';
import { SignerRegistry, loadTrustStore } from './signer-registry';
import { sha256 } from './signer';
import { SIGNATURE_TRUST_STORE, SignatureModule } from './signature.module';

describe('SignerRegistry (per-agency signer from configuration)', () => {
  let pki: TestPki;
  let dir: string;
  let p12Path: string;

  beforeAll(() => {
    pki = createTestPki();
    dir = mkdtempSync(join(tmpdir(), 'signreg-'));
    p12Path = join(dir, 'don-vi.p12');
    writeFileSync(p12Path, pki.signerP12);
  });

  it('default PKCS#12 signer from SIGNING_MODE=pkcs12, per-agency remote signer from SIGNING_AGENCIES', async () => {
    const reg = SignerRegistry.fromSettings(
      {
        SIGNING_MODE: 'pkcs12',
        SIGNING_P12_PATH: p12Path,
        SIGNING_P12_PASSWORD: pki.p12Password,
        SIGNING_TSA_URL: 'http://tsa.example.vn/tsa',
        SIGNING_AGENCIES: JSON.stringify({
          'H01.12': { mode: 'remote', url: 'https://ky-so.example.gov.vn/api/sign', keyId: 'so-tu-phap', tokenEnv: 'SIGN_TOKEN_H01' },
        }),
      },
      { SIGN_TOKEN_H01: 'abc' },
    );
    expect(reg.resolve('H01.12')).toBeInstanceOf(RemoteHookSigner);
    const local = reg.resolve('X99');
    expect(local).toBeInstanceOf(Pkcs12Signer);
    expect(reg.resolve('X99')).toBe(local); // cached
    expect((await local.certificate()).commonName).toBe('Nguyễn Văn Ánh');
    expect(await local.sign(sha256(Buffer.from('x')))).toBeInstanceOf(Buffer);
    expect(reg.tsaFor('X99')).toEqual({ url: 'http://tsa.example.vn/tsa' });
    expect(reg.tsaFor('H01.12')).toEqual({ url: 'http://tsa.example.vn/tsa' });
  });

  it('SIGNING_AGENCIES may be a path to a JSON file; passwords by environment variable name', async () => {
    const file = join(dir, 'agencies.json');
    writeFileSync(file, JSON.stringify({ 'G01': { mode: 'pkcs12', p12Path, passwordEnv: 'P12_PW' } }));
    const reg = SignerRegistry.fromSettings({ SIGNING_AGENCIES: file }, { P12_PW: pki.p12Password });
    expect(reg.has('G01')).toBe(true);
    expect(reg.has('G02')).toBe(false);
    expect((await reg.resolve('G01').certificate()).organization).toBe('UBND phường Bến Nghé');
    expect(() => reg.resolve('G02')).toThrow(/Chưa cấu hình ký số cho đơn vị G02/);
  });

  it('clear errors: bad JSON, wrong password, missing token variable, incomplete default', () => {
    expect(() => SignerRegistry.fromSettings({ SIGNING_AGENCIES: '{"A": {"mode": "remote"}}' })).toThrow(/SIGNING_AGENCIES không hợp lệ/);
    expect(() => SignerRegistry.fromSettings({ SIGNING_MODE: 'remote' })).toThrow(/SIGNING_REMOTE_URL/);
    const wrong = new SignerRegistry({ A: { mode: 'pkcs12', p12Path, password: 'sai' } });
    expect(() => wrong.resolve('A')).toThrow(/đơn vị A: Không mở được tệp PKCS#12: sai mật khẩu/);
    const missing = new SignerRegistry({ A: { mode: 'pkcs12', p12Path: join(dir, 'khong-co.p12'), password: 'x' } });
    expect(() => missing.resolve('A')).toThrow(/Không đọc được tệp PKCS#12/);
    const noToken = new SignerRegistry({ B: { mode: 'remote', url: 'https://x.vn/sign', keyId: 'k', tokenEnv: 'NOPE' } }, undefined, {});
    expect(() => noToken.resolve('B')).toThrow(SignatureError);
    expect(() => noToken.resolve('B')).toThrow(/NOPE/);
  });

  it('loadTrustStore reads a PEM bundle or a directory of certificates', () => {
    const bundle = join(dir, 'bundle.pem');
    writeFileSync(bundle, pki.rootPem + pki.otherRootPem);
    expect(loadTrustStore(bundle)).toHaveLength(1);
    const d = mkdtempSync(join(tmpdir(), 'trust-'));
    writeFileSync(join(d, 'root.pem'), pki.rootPem);
    writeFileSync(join(d, 'other.crt'), pki.otherRootPem);
    writeFileSync(join(d, 'readme.txt'), 'bỏ qua');
    expect(loadTrustStore(d)).toHaveLength(2);
  });
});

describe('SignatureModule', () => {
  it('provides the registry and the trust store from APP_CONFIG', async () => {
    const config = loadConfig({ SIGNING_MODE: 'remote', SIGNING_REMOTE_URL: 'https://ky-so.example.vn/sign', SIGNING_REMOTE_KEY_ID: 'k1' });
    @Global()
    @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
    class ConfigStub {}
    @Module({ imports: [ConfigStub, SignatureModule] })
    class Root {}
    const app = await NestFactory.createApplicationContext(Root, { logger: false });
    expect(app.get(SignerRegistry).resolve('ANY')).toBeInstanceOf(RemoteHookSigner);
    expect(app.get(SIGNATURE_TRUST_STORE)).toEqual([]);
    await app.close();
  });
});
