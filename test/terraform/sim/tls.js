'use strict';
// The plugin's server certificate: self-signed, valid for "localhost" and 127.0.0.1, usable as its
// own root (Terraform pins exactly this certificate from the handshake line). The harness makes one
// pair per run and passes it in SIM_TLS_DIR; the key comes from Node's crypto (node-forge's JS key
// generation takes up to a second), forge only signs the certificate and is loaded only for that, so
// a provider's start-up (three per Terraform plan) does not pay for it.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

function generate() {
  const forge = require('node-forge');
  const pair = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const keys = { publicKey: forge.pki.publicKeyFromPem(pair.publicKey), privateKey: forge.pki.privateKeyFromPem(pair.privateKey) };
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 30 * 24 * 3600_000);
  const name = [
    { name: 'commonName', value: 'localhost' },
    { name: 'organizationName', value: 'simulated provider' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

function serverCertificate() {
  const dir = process.env.SIM_TLS_DIR;
  let pair;
  if (dir && fs.existsSync(path.join(dir, 'cert.pem'))) {
    pair = { certPem: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'), keyPem: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8') };
  } else {
    pair = generate();
  }
  return { ...pair, certDer: new crypto.X509Certificate(pair.certPem).raw };
}

/** Writes a pair into dir for the providers of one run. */
function writeCertificate(dir) {
  const pair = generate();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cert.pem'), pair.certPem);
  fs.writeFileSync(path.join(dir, 'key.pem'), pair.keyPem, { mode: 0o600 });
}

module.exports = { serverCertificate, writeCertificate };
