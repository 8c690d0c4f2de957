#!/usr/bin/env node
// Development signing PKI (node-forge): var/signing/dev-ca.pem (trust anchor) and
// var/signing/agency.p12 (agency signer, password from SIGNING_P12_PASSWORD or 'dev-p12-password').
// Idempotent: existing files are kept.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'var', 'signing');
const caPath = join(dir, 'dev-ca.pem');
const p12Path = join(dir, 'agency.p12');
const password = process.env.SIGNING_P12_PASSWORD || 'dev-p12-password';

if (existsSync(caPath) && existsSync(p12Path)) {
  console.log(`dev signing certificate: ${p12Path} (exists)`);
  process.exit(0);
}
mkdirSync(dir, { recursive: true });

const keys = () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const priv = forge.pki.privateKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs1' }).toString());
  return { priv, pub: forge.pki.setRsaPublicKey(priv.n, priv.e) };
};
const dn = (cn) => [
  { shortName: 'C', value: 'VN' },
  { name: 'organizationName', value: 'DVC Demo (development only)', valueTagClass: forge.asn1.Type.UTF8 },
  { name: 'commonName', value: cn, valueTagClass: forge.asn1.Type.UTF8 },
];
const issue = ({ subject, issuer, issuerKey, pub, ca, years }) => {
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600e3);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * 24 * 3600e3);
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: ca, critical: true },
    ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(issuerKey, forge.md.sha256.create());
  return cert;
};

const caKeys = keys();
const ca = issue({ subject: dn('DVC Dev Root CA'), pub: caKeys.pub, issuerKey: caKeys.priv, ca: true, years: 10 });
const agencyKeys = keys();
const agency = issue({ subject: dn('UBND phường Bình Minh (dev)'), issuer: ca, issuerKey: caKeys.priv, pub: agencyKeys.pub, ca: false, years: 3 });
const p12 = forge.pkcs12.toPkcs12Asn1(agencyKeys.priv, [agency, ca], password, { algorithm: '3des', friendlyName: 'agency' });
writeFileSync(caPath, forge.pki.certificateToPem(ca));
writeFileSync(p12Path, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), { mode: 0o600 });
console.log(`dev signing certificate: ${p12Path} (created; trust anchor ${caPath})`);
