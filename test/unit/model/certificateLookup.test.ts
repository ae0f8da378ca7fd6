import * as assert from 'node:assert/strict';
import { findCertificates } from '../../../src/model/certificateLookup';
import { days } from '../../fixtures/testClock';
import { association, certificate, hostname, packCertificate } from './fakeClient';
import { harness } from './modelHarness';

/** z1: client certificate c1 (serial 0a:bc) used by a.example.com, c2 unused, a hostname leaving c2; a custom hostname with one pack certificate. */
async function loadedData() {
  const h = harness();
  const pack = { ...packCertificate('p1', 'SHA256WithRSA', days(20), 'ff01'), fingerprint_sha256: 'AB:CD:EF' };
  h.fake.seed('z1', {
    certificates: [
      certificate({ id: 'c1', serial: '0abc', expiresOn: days(30) }),
      certificate({ id: 'c2', serial: '0def', expiresOn: days(30) }),
    ],
    associations: [association('a.example.com', 'c1'), association('leaving.example.com', 'c2', null)],
    hostnames: [hostname('h1', 'shop.customer.net', [pack])],
  });
  await h.data.zones();
  await h.data.aop('z1');
  await h.data.customHostnames('z1');
  return h.data;
}

const ids = (found: ReturnType<typeof findCertificates>) => found.map((entry) => `${entry.kind}:${entry.certificate.id}`);

describe('Certificate lookup: what a typed id, serial, fingerprint or hostname names', () => {
  it('finds a client certificate by id, by serial however it is written, and by a hostname that uses it', async () => {
    const data = await loadedData();
    for (const query of ['c1', ' 0ABC ', '0a:bc', 'A.example.com']) {
      assert.deepEqual(ids(findCertificates(data, query)), ['aop:c1'], query);
    }
    const [found] = findCertificates(data, 'c1');
    assert.equal(found.zoneName, 'z1.example');
  });

  it('finds a pack certificate by id, serial, SHA-256 fingerprint or its custom hostname, naming the hostname', async () => {
    const data = await loadedData();
    for (const query of ['p1', 'FF01', 'abcdef', 'ab cd ef', 'shop.customer.net']) {
      assert.deepEqual(ids(findCertificates(data, query)), ['pack:p1'], query);
    }
    const [found] = findCertificates(data, 'p1');
    assert.ok(found.kind === 'pack' && found.hostname === 'shop.customer.net');
  });

  it('does not count a hostname on its way off a certificate as using it, and finds nothing for an empty or unknown query', async () => {
    const data = await loadedData();
    assert.deepEqual(ids(findCertificates(data, 'leaving.example.com')), []);
    assert.deepEqual(ids(findCertificates(data, 'nothing.example')), []);
    assert.deepEqual(ids(findCertificates(data, ' : ')), []);
  });
});
