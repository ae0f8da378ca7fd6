import * as assert from 'node:assert/strict';
import { AccountModel } from '../../../src/model/accountModel';
import { compareReport } from '../../../src/workspace/compareReport';
import { relationOf, relationWords } from '../../../src/workspace/certificateRelation';
import { readCertificateFacts } from '../../../src/x509/certificateFacts';
import { createCertificate, type GeneratedCertificate } from '../../fixtures/certificateFactory';
import { days, TEST_NOW } from '../../fixtures/testClock';
import { certificate } from '../model/fakeClient';
import { harness } from '../model/modelHarness';

const facts = (made: GeneratedCertificate) => readCertificateFacts(made.der);

/** z1 holds api.example.com, expiring in 6 days. */
async function setup() {
  const held = await createCertificate({ commonName: 'api.example.com', notAfter: days(6) });
  const h = harness();
  h.fake.seed('z1', { certificates: [certificate({ id: 'c1', serial: held.serialNumber, expiresOn: held.notAfter, pem: held.certPem })] });
  const account = new AccountModel(h.data, { get: async () => 't', storageUnavailable: false, changedInAnotherWindow: false });
  await account.refresh();
  await account.whenScanned();
  return { account, held };
}

describe('Workspace certificates against the account', () => {
  it('tells held, newer (its replacement), unrelated and chain members apart', async () => {
    const { account, held } = await setup();
    assert.equal(relationOf(facts(held), account).kind, 'held');
    const renewed = await createCertificate({ commonName: 'api.example.com', notAfter: days(400) });
    const newer = relationOf(facts(renewed), account);
    assert.equal(newer.kind, 'newer');
    assert.equal(relationWords(newer, TEST_NOW, 30), "Cloudflare's copy expires in 6 days; this file has its replacement");
    const older = await createCertificate({ commonName: 'api.example.com', notAfter: days(3) });
    assert.equal(relationOf(facts(older), account).kind, 'notOnCloudflare', 'an earlier one is no replacement');
    const other = await createCertificate({ commonName: 'other.example.com', notAfter: days(400) });
    assert.equal(relationOf(facts(other), account).kind, 'notOnCloudflare');
    const ca = await createCertificate({ commonName: 'Root CA', isCA: true });
    assert.equal(relationOf(facts(ca), account).kind, 'chainMember');
    assert.equal(relationWords(relationOf(facts(held), account), TEST_NOW, 30), 'held by Cloudflare: z1.example › client certificate');
  });

  it('words each place count and each expiry of the copy it replaces as a whole phrase', () => {
    const place = { zoneId: 'z1', zoneName: 'z1.example', certificateId: 'c1' };
    const aop = { ...place, kind: 'aop' as const };
    const pack = { ...place, kind: 'pack' as const, hostname: 'shop.example' };
    assert.equal(
      relationWords({ kind: 'held', places: [aop, pack, pack] }, TEST_NOW, 30),
      'held by Cloudflare: z1.example › client certificate and 2 more',
    );
    assert.equal(relationWords({ kind: 'held', places: [pack] }, TEST_NOW, 30), 'held by Cloudflare: z1.example › shop.example');
    assert.equal(
      relationWords({ kind: 'held', places: [pack, aop] }, TEST_NOW, 30),
      'held by Cloudflare: z1.example › shop.example and 1 more',
    );
    const older = (notAfter: Date) => ({ kind: 'newer' as const, older: { ...place, name: 'api', notAfter } });
    assert.equal(relationWords(older(days(1)), TEST_NOW, 30), "Cloudflare's copy expires tomorrow; this file has its replacement");
    assert.equal(relationWords(older(days(-3)), TEST_NOW, 30), "Cloudflare's copy has expired; this file has its replacement");
    assert.equal(relationWords(older(days(31)), TEST_NOW, 30), "newer than Cloudflare's copy in z1.example");
  });

  it('reports counts first, then each group, with names escaped', async () => {
    const { account } = await setup();
    const renewed = await createCertificate({ commonName: 'api.example.com', notAfter: days(400) });
    const local = await createCertificate({ commonName: '[x](command:evil)', notAfter: days(90) });
    const entry = (made: GeneratedCertificate, file: string) => ({
      file,
      uri: `file:///w/${file}`,
      start: 0,
      end: 1,
      line: 0,
      facts: facts(made),
    });
    const report = compareReport([entry(renewed, 'api.pem'), entry(local, 'x.pem')], account, TEST_NOW, 30);
    assert.match(
      report,
      /^# Workspace compared with Cloudflare\n\n0 held and matching · 1 newer locally · 1 expiring on Cloudflare · 1 on Cloudflare with no local copy · 1 local and not on Cloudflare/,
    );
    const plain = report.replace(/\\/g, '');
    assert.match(plain, /- api\.example\.com in z1\.example, expires in 6 days: its replacement is in the workspace/);
    assert.match(plain, /- api\.example\.com \(api\.pem, expires \d{4}-\d\d-\d\d\) replaces api\.example\.com in z1\.example/);
    assert.ok(report.includes('\\[x\\]\\(command\\:evil\\)') && !report.includes('[x](command:evil)'), 'a name cannot become a link');
  });
});
