import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { redact } from '../../../src/logging/redact';

describe('redact', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sec1 = privateKey.export({ type: 'sec1', format: 'pem' }).toString();

  it('removes PEM private keys of any label, keeping the text around them', () => {
    for (const key of [pkcs8, sec1]) {
      const body = key.split('\n')[1];
      const out = redact(`before ${key} after`);
      assert.ok(!out.includes(body), 'key body leaked');
      assert.match(out, /^before \[private key redacted\]\s*after$/);
    }
  });

  it('removes a truncated private key to the end of the text', () => {
    const truncated = pkcs8.slice(0, 80);
    assert.equal(redact(`x ${truncated}`), 'x [private key redacted]');
  });

  it('removes bearer credentials, token-shaped strings, known secrets and secret JSON fields', () => {
    const token = 'Ab3dEfGh1jKlMn0pQrStUvWxYz0123456789_-AB';
    assert.equal(token.length, 40);
    assert.equal(redact(`Authorization: Bearer ${token}`), 'Authorization: Bearer [redacted]');
    assert.equal(redact(`token ${token} end`), 'token [redacted] end');
    assert.equal(redact('short demo-token here', ['demo-token']), 'short [redacted] here');
    assert.equal(redact('{"private_key":"abc\\ndef","certificate":"ok"}'), '{"private_key":"[redacted]","certificate":"ok"}');
  });

  it('keeps certificates and ordinary words', () => {
    const line = 'GET /zones/023e105f4ecef8ad9ca31a8372d0c353/custom_hostnames 200 (12 ms)';
    assert.equal(redact(line), line);
    assert.equal(
      redact('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'),
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    );
  });
});
