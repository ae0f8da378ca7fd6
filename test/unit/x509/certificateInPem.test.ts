import * as assert from 'node:assert/strict';
import { createCertificate, generateKey } from '../../fixtures/certificateFactory';
import { certificateInPem } from '../../../src/x509/certificateInPem';

describe('certificateInPem (the PEM of one pack certificate among what the API returns)', () => {
  it('finds a certificate by its SHA-256 fingerprint written any way, and by its serial in hex or decimal', async () => {
    const rsa = await createCertificate({ commonName: 'rsa.pack.test', key: await generateKey('RSA') });
    const ec = await createCertificate({ commonName: 'ec.pack.test', key: await generateKey('ECDSA') });
    const text = `${rsa.certPem}${ec.certPem}`;
    const colons = (hex: string) => hex.toUpperCase().match(/../g)!.join(':');
    assert.equal(certificateInPem(text, { sha256: colons(ec.sha256Fingerprint) }), ec.certPem);
    assert.equal(certificateInPem(text, { sha256: rsa.sha256Fingerprint }), rsa.certPem);
    assert.equal(certificateInPem(text, { serialNumber: colons(ec.serialNumber) }), ec.certPem);
    assert.equal(certificateInPem(text, { serialNumber: BigInt(`0x${rsa.serialNumber}`).toString(10) }), rsa.certPem);
  });

  it('returns nothing for another certificate, an absent PEM or nothing to match by', async () => {
    const held = await createCertificate({ commonName: 'held.pack.test' });
    const other = await createCertificate({ commonName: 'other.pack.test' });
    assert.equal(certificateInPem(held.certPem, { sha256: other.sha256Fingerprint }), undefined);
    assert.equal(certificateInPem(held.certPem, { sha256: other.sha256Fingerprint, serialNumber: held.serialNumber }), undefined);
    assert.equal(certificateInPem(undefined, { sha256: held.sha256Fingerprint }), undefined);
    assert.equal(certificateInPem(held.certPem, {}), undefined);
  });
});
