/**
 * HTTPS certificates for the dev server, in order of preference:
 *   1. office-addin-dev-certs (a CA installed in the OS trust store; needs sudo on Linux),
 *   2. a certificate already in .certs/ (still valid),
 *   3. a new self-signed certificate made with Node's crypto only (no openssl needed),
 *   4. `openssl req -x509` when Node cannot do it,
 *   5. nothing: the caller falls back to http and says so.
 * Excel only loads add-ins over https, so 3–4 need the certificate accepted once in the browser
 * or trusted in the OS; start.js explains how.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const CERT_DIR = path.join(ROOT, '.certs');
const LOCAL = { key: path.join(CERT_DIR, 'localhost.key'), cert: path.join(CERT_DIR, 'localhost.crt') };
const DEV_CERTS_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const DEV_CERTS = {
  key: path.join(DEV_CERTS_DIR, 'localhost.key'),
  cert: path.join(DEV_CERTS_DIR, 'localhost.crt'),
  ca: path.join(DEV_CERTS_DIR, 'ca.crt'),
};

// --- Minimal DER encoding: just what an X.509 v3 certificate needs. ---
function derLength(n) {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const der = (tag, body) => Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
const seq = (...items) => der(0x30, Buffer.concat(items));
const set = (...items) => der(0x31, Buffer.concat(items));
const explicit = (n, body) => der(0xa0 + n, body);
const nullValue = () => Buffer.from([0x05, 0x00]);
const utf8String = (s) => der(0x0c, Buffer.from(s, 'utf8'));
const octets = (b) => der(0x04, b);
const bitString = (b) => der(0x03, Buffer.concat([Buffer.from([0]), b]));
const bool = (v) => der(0x01, Buffer.from([v ? 0xff : 0]));

function integer(buf) {
  let b = buf;
  while (b.length > 1 && b[0] === 0 && b[1] < 0x80) b = b.subarray(1);
  if (b[0] >= 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return der(0x02, b);
}

function oid(dotted) {
  const parts = dotted.split('.').map(Number);
  const bytes = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk = [p & 0x7f];
    for (let v = p >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

function utcTime(date) {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
  const s = iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
  return der(0x17, Buffer.from(s, 'ascii'));
}

const name = (cn) => seq(set(seq(oid('2.5.4.3'), utf8String(cn))), set(seq(oid('2.5.4.10'), utf8String('kyodo-shinchoku dev'))));
const extension = (id, critical, value) => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

/** A self-signed RSA/SHA-256 certificate for localhost and 127.0.0.1, made with Node only. */
function makeSelfSigned(days = 365) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sha256WithRSA = seq(oid('1.2.840.113549.1.1.11'), nullValue());
  const now = new Date(Date.now() - 60 * 1000);
  const until = new Date(now.getTime() + days * 86400 * 1000);
  const altNames = seq(der(0x82, Buffer.from('localhost', 'ascii')), der(0x87, Buffer.from([127, 0, 0, 1])));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(crypto.randomBytes(16)),
    sha256WithRSA,
    name('localhost'),
    seq(utcTime(now), utcTime(until)),
    name('localhost'),
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        extension('2.5.29.19', true, seq()), // basicConstraints: not a CA
        extension('2.5.29.15', true, der(0x03, Buffer.from([0x05, 0xa0]))), // keyUsage: digitalSignature, keyEncipherment
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
        extension('2.5.29.17', false, altNames),
      ),
    ),
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const certDer = seq(tbs, sha256WithRSA, bitString(signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${certDer
    .toString('base64')
    .match(/.{1,64}/g)
    .join('\n')}\n-----END CERTIFICATE-----\n`;
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const x509 = new crypto.X509Certificate(cert);
  if (!x509.verify(publicKey) || !x509.checkHost('localhost')) throw new Error('generated certificate does not verify');
  return { key, cert };
}

/** Reads a key/cert pair when both files exist and the certificate is valid for another day. */
function readValid(paths) {
  try {
    const cert = fs.readFileSync(paths.cert);
    const key = fs.readFileSync(paths.key);
    const x509 = new crypto.X509Certificate(cert);
    if (new Date(x509.validTo).getTime() < Date.now() + 86400 * 1000) return undefined;
    const out = { key, cert };
    if (paths.ca && fs.existsSync(paths.ca)) out.ca = fs.readFileSync(paths.ca);
    return out;
  } catch {
    return undefined;
  }
}

function writeLocal(pair) {
  fs.mkdirSync(CERT_DIR, { recursive: true });
  fs.writeFileSync(LOCAL.key, pair.key, { mode: 0o600 });
  fs.writeFileSync(LOCAL.cert, pair.cert);
}

function opensslSelfSigned() {
  fs.mkdirSync(CERT_DIR, { recursive: true });
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '365',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      LOCAL.key,
      '-out',
      LOCAL.cert,
    ],
    { stdio: 'ignore' },
  );
  return r.status === 0 ? readValid(LOCAL) : undefined;
}

/**
 * Certificates that exist already, without installing anything (safe inside webpack.config.js):
 * office-addin-dev-certs' files first, then .certs/.
 */
function existingCertificates() {
  const dev = readValid(DEV_CERTS);
  if (dev) return { ...dev, source: 'office-addin-dev-certs' };
  const local = readValid(LOCAL);
  if (local) return { ...local, source: '.certs' };
  return undefined;
}

/** A usable local certificate: existing, else generated with Node, else with openssl. */
function localCertificates() {
  const local = readValid(LOCAL);
  if (local) return { ...local, source: '.certs' };
  try {
    const pair = makeSelfSigned();
    writeLocal(pair);
    return { ...pair, source: 'self-signed (Node)' };
  } catch {
    const viaOpenssl = opensslSelfSigned();
    return viaOpenssl ? { ...viaOpenssl, source: 'self-signed (openssl)' } : undefined;
  }
}

module.exports = { makeSelfSigned, existingCertificates, localCertificates, readValid, CERT_DIR, LOCAL, DEV_CERTS };
