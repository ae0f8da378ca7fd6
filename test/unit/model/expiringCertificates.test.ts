import * as assert from 'node:assert/strict';
import { TEST_NOW } from '../../fixtures/testClock';
import { expiringSummary, findExpiring, prepareExpiring, type ExpiringCertificate } from '../../../src/model/expiringCertificates';
import { LoopShare } from '../../../src/cloudflare/loopShare';
import { turnsDuring } from '../../support/loopTurns';
import { NodeIds } from '../../../src/model/nodeIds';
import { createCertificate, days } from '../../fixtures/certificateFactory';
import { createCertificateWithoutCommonName } from '../x509/extraCertificates';
import { certificate, hostname, packCertificate } from './fakeClient';
import { daysLeft } from '../../../src/x509/certificateSummary';
import { harness } from './modelHarness';

const NOW = TEST_NOW;

async function loadedAccount() {
  const { fake, data } = harness();
  const named = await createCertificate({ commonName: 'api.example.com', sans: ['api.example.com', 'www.example.com'] });
  const sanOnly = await createCertificateWithoutCommonName(['origin.example.net']);
  fake.seed('z1', {
    certificates: [
      certificate({ id: 'exp1', expiresOn: days(-2, NOW), serial: 'aa11' }),
      certificate({ id: 'exp2', expiresOn: days(-10, NOW), serial: 'bb22' }),
      certificate({ id: 'soon', expiresOn: days(5, NOW), serial: named.serialNumber, pem: named.certPem }),
      certificate({ id: 'far', expiresOn: days(200, NOW) }),
      // On their way out: not worth a warning, even though they have expired or are about to.
      certificate({ id: 'gone', status: 'deleted', expiresOn: days(-1, NOW) }),
      certificate({ id: 'going', status: 'pending_deletion', expiresOn: days(3, NOW) }),
    ],
    hostnames: [
      hostname('h1', 'shop.example', [
        packCertificate('rsa', 'SHA256WithRSA', days(10, NOW)),
        packCertificate('ec', 'ECDSAWithSHA256', days(12, NOW)),
      ]),
      hostname('h2', 'calm.example', [packCertificate('later', 'SHA256WithRSA', days(90, NOW))]),
    ],
  });
  fake.seed('z2', { certificates: [certificate({ id: 'san-named', expiresOn: days(400, NOW), pem: sanOnly.certPem })] });
  await Promise.all([data.aop('z1'), data.customHostnames('z1'), data.aop('z2')]);
  return { data, named };
}

describe('findExpiring', () => {
  it('lists expired and expiring certificates soonest first, skipping deleted ones and those far off', async () => {
    const { data } = await loadedAccount();
    const found = findExpiring(data, NOW, 30);
    assert.deepEqual(
      found.map((entry) => [entry.kind, entry.label, entry.expired]),
      [
        ['aop', 'Certificate exp2', true],
        ['aop', 'Certificate exp1', true],
        ['aop', 'api.example.com', false],
        ['pack', 'shop.example (RSA)', false],
        ['pack', 'shop.example (ECDSA)', false],
      ],
    );
    assert.deepEqual(
      found.map((entry) => entry.nodeId),
      [
        NodeIds.aopCertificate('z1', 'exp2'),
        NodeIds.aopCertificate('z1', 'exp1'),
        NodeIds.aopCertificate('z1', 'soon'),
        NodeIds.packCertificate('z1', 'h1', 'pack-h1', 'rsa'),
        NodeIds.packCertificate('z1', 'h1', 'pack-h1', 'ec'),
      ],
    );
    assert.equal(expiringSummary(found, 30), '2 expired · 3 expire within 30 days');
  });

  it('names a client certificate as the tree does (CN, else first SAN), never by its serial', async () => {
    const { data, named } = await loadedAccount();
    const labels = findExpiring(data, NOW, 3650).map((entry) => entry.label);
    assert.ok(labels.includes('api.example.com'));
    assert.ok(labels.includes('origin.example.net'), labels.join(', '));
    assert.ok(!labels.some((label) => label.includes(named.serialNumber)));
  });

  it('takes a pack certificate into the window exactly when daysLeft does, at any hour of its last day', async () => {
    const { fake, data } = harness();
    const HOUR = 3_600_000;
    const offsets = Array.from({ length: 24 * 36 }, (_, index) => index - 24 * 3);
    fake.seed('z1', {
      hostnames: offsets.map((hours) =>
        hostname(`h${hours}`, `h${hours}.example`, [packCertificate(`c${hours}`, 'SHA256WithRSA', new Date(NOW.getTime() + hours * HOUR))]),
      ),
    });
    await data.customHostnames('z1');
    const inside = new Set(findExpiring(data, NOW, 30).map((entry) => entry.certificateId));
    const expected = offsets.filter((hours) => daysLeft(new Date(NOW.getTime() + hours * HOUR), NOW) <= 30).map((hours) => `c${hours}`);
    assert.deepEqual([...inside].sort(), expected.sort());
  });

  it('walks a changed list anew, and the same list again for another window', async () => {
    const { fake, data } = harness();
    fake.seed('z1', { hostnames: [hostname('h1', 'shop.example', [packCertificate('c1', 'SHA256WithRSA', days(40, NOW))])] });
    await data.customHostnames('z1');
    assert.deepEqual(findExpiring(data, NOW, 30), []);
    assert.deepEqual(
      findExpiring(data, NOW, 60).map((entry) => entry.certificateId),
      ['c1'],
    );
    data.replaceCustomHostname('z1', hostname('h1', 'shop.example', [packCertificate('c2', 'SHA256WithRSA', days(3, NOW))]));
    assert.deepEqual(
      findExpiring(data, NOW, 30).map((entry) => [entry.certificateId, entry.label, entry.expired]),
      [['c2', 'shop.example (RSA)', false]],
    );
  });

  it('walks a large list a slice per turn ahead of time, and finds the same certificates after it', async () => {
    const { fake, data } = harness();
    const count = 2_500;
    fake.seed('z1', {
      hostnames: Array.from({ length: count }, (_, index) =>
        hostname(`h${index}`, `tenant-${index}.example`, [packCertificate(`c${index}`, 'SHA256WithRSA', days(index % 60, NOW))]),
      ),
    });
    await data.customHostnames('z1');
    // A budget of nothing: every step of the walk waits for a turn of its own.
    const loop = new LoopShare(0, () => 0);
    const { turns } = await turnsDuring(() => prepareExpiring(data, NOW, 30, loop));
    assert.ok(turns >= 3, `2,500 hostnames in steps of 1,000 took ${turns} turn(s)`);
    const expected = Array.from({ length: count }, (_, index) => index)
      .filter((index) => index % 60 <= 30)
      .map((index) => `c${index}`);
    assert.deepEqual(
      findExpiring(data, NOW, 30)
        .map((entry) => entry.certificateId)
        .sort(),
      expected.sort(),
    );
  });

  it('makes no request: it walks what has loaded', async () => {
    const { fake, data } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1', expiresOn: days(1, NOW) })] });
    assert.deepEqual(findExpiring(data, NOW, 30), []);
    assert.equal(fake.requests.length, 0);
  });

  it('counts a certificate expiring exactly at the window edge, not one a day past it', () => {
    const { data } = harness();
    data.setAop('z1', {
      certificates: [certificate({ id: 'edge', expiresOn: days(30, NOW) }), certificate({ id: 'past-edge', expiresOn: days(31, NOW) })],
      associations: [],
    });
    assert.deepEqual(
      findExpiring(data, NOW, 30).map((entry) => entry.nodeId),
      [NodeIds.aopCertificate('z1', 'edge')],
    );
  });
});

describe('expiringSummary', () => {
  const entry = (expired: boolean): ExpiringCertificate => ({
    zoneId: 'z',
    kind: 'aop',
    nodeId: 'n',
    label: 'l',
    notAfter: NOW,
    expired,
    certificateId: 'c',
  });
  const many = (expired: number, soon: number) => [
    ...Array.from({ length: expired }, () => entry(true)),
    ...Array.from({ length: soon }, () => entry(false)),
  ];

  it('says expired apart from expiring, in the status bar’s words', () => {
    assert.equal(expiringSummary(many(2, 3), 30), '2 expired · 3 expire within 30 days');
    assert.equal(expiringSummary(many(0, 1), 30), '1 certificate expires within 30 days');
    assert.equal(expiringSummary(many(0, 4), 14), '4 certificates expire within 14 days');
    assert.equal(expiringSummary(many(1, 0), 30), '1 expired');
    assert.equal(expiringSummary(many(1, 1), 30), '1 expired · 1 expires within 30 days');
    assert.equal(expiringSummary([], 30), '');
  });

  it('says "so far" once, at the end, while the scan has not loaded every zone', () => {
    assert.equal(expiringSummary(many(2, 3), 30, true), '2 expired · 3 expire within 30 days so far');
    assert.equal(expiringSummary(many(1, 0), 30, true), '1 expired so far');
    assert.equal(expiringSummary(many(0, 1), 30, true), '1 certificate expires within 30 days so far');
  });
});
