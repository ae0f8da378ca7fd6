import * as assert from 'node:assert/strict';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import type { HostnameAssociation, HostnameCertificate } from '../../../src/cloudflare/types';
import { aopPath, call, leaf, pause, refusal, uploadBody, zoneNamed } from './emulatorHttp';

// Certificates deploy quickly; associations slowly enough that a loaded machine still sees them pending.
const TRANSITION_MS = 30;
const ASSOCIATION_MS = 400;

// A hostname has one association; a PUT naming another certificate moves it, and the old certificate
// serves the hostname until the move is deployed. The state's history lets tests prove no gap.
describe('emulator hostname associations (over HTTP)', () => {
  let emulator: Emulator;
  let zoneId: string;
  let oldId: string;
  let newId: string;
  const hostnames = ['a.staging.example.net', 'b.staging.example.net', 'c.staging.example.net'];
  const associate = (config: unknown[]) =>
    call<HostnameAssociation[]>(emulator, 'PUT', aopPath(zoneId, '/hostnames'), { body: { config } });
  const one = (hostname: string) => call<HostnameAssociation>(emulator, 'GET', aopPath(zoneId, `/hostnames/${hostname}`));
  const deleteCertificate = (id: string) => call<HostnameCertificate>(emulator, 'DELETE', aopPath(zoneId, `/hostnames/certificates/${id}`));

  before(async () => {
    emulator = await startEmulator({
      port: 0,
      seed: 'demo',
      transitionMs: TRANSITION_MS,
      associationTransitionMs: ASSOCIATION_MS,
      validator: new ContractValidator(),
    });
    zoneId = zoneNamed(emulator, 'staging.example.net').id;
    const upload = async (name: string) =>
      (
        await call<HostnameCertificate>(emulator, 'POST', aopPath(zoneId, '/hostnames/certificates'), {
          body: uploadBody(await leaf(name)),
        })
      ).body.result.id;
    [oldId, newId] = [await upload('old.staging.example.net'), await upload('new.staging.example.net')];
    await pause(TRANSITION_MS + 20);
  });
  after(() => emulator.close());

  it('a new association is pending_deployment, then active; GET …/hostnames/{hostname} shows each', async () => {
    const put = await associate(hostnames.map((hostname) => ({ hostname, cert_id: oldId, enabled: true })));
    assert.deepEqual(
      put.body.result.map((association) => [association.hostname, association.cert_id, association.status]),
      hostnames.map((hostname) => [hostname, oldId, 'pending_deployment']),
    );
    assert.equal((await one(hostnames[0])).body.result.status, 'pending_deployment');
    const listed = await call<HostnameAssociation[]>(emulator, 'GET', aopPath(zoneId, '/hostnames'));
    assert.deepEqual(listed.body.result, [], 'the default (active) list leaves pending ones out');
    await pause(ASSOCIATION_MS + 50);
    assert.deepEqual(
      [(await one(hostnames[0])).body.result.status, (await one(hostnames[0])).body.result.cert_status],
      ['active', 'active'],
    );
    assert.deepEqual(
      emulator.state.associationViews(zoneId).map((view) => view.servingCertId),
      [oldId, oldId, oldId],
    );
  });

  it('a PUT with another cert_id moves the hostname: still one association, the old certificate serves until the new one is deployed', async () => {
    const moved = await associate([
      { hostname: hostnames[0], cert_id: newId, enabled: true },
      { hostname: hostnames[1], cert_id: newId, enabled: true },
    ]);
    assert.deepEqual(
      moved.body.result.map((association) => [association.cert_id, association.status]),
      [
        [newId, 'pending_deployment'],
        [newId, 'pending_deployment'],
      ],
    );
    assert.equal(
      emulator.state.associationsOf(zoneId).filter((association) => association.hostname === hostnames[0]).length,
      1,
      'one association per hostname',
    );
    assert.deepEqual(
      emulator.state.associationViews(zoneId).map((view) => [view.hostname, view.certId, view.status, view.servingCertId]),
      [
        [hostnames[0], newId, 'pending_deployment', oldId],
        [hostnames[1], newId, 'pending_deployment', oldId],
        [hostnames[2], oldId, 'active', oldId],
      ],
    );
    // Invalidating by the old certificate's id no longer matches a moved hostname: it is left alone.
    const stale = await associate([{ hostname: hostnames[0], cert_id: oldId, enabled: null }]);
    assert.deepEqual([stale.status, stale.body.result[0].cert_id], [200, newId]);
    await pause(ASSOCIATION_MS + 50);
    assert.deepEqual(
      emulator.state.associationViews(zoneId).map((view) => [view.status, view.servingCertId]),
      [
        ['active', newId],
        ['active', newId],
        ['active', oldId],
      ],
    );
  });

  it('the old certificate cannot be deleted while a hostname still uses it or a move away from it is not yet deployed (1433)', async () => {
    await associate([{ hostname: hostnames[2], cert_id: newId, enabled: true }]);
    assert.deepEqual(refusal(await deleteCertificate(oldId)), { status: 400, code: 1433, success: false }, 'c still served by the old one');
    await pause(ASSOCIATION_MS + 50);
    const deleted = await deleteCertificate(oldId);
    assert.deepEqual([deleted.status, deleted.body.result.status], [200, 'pending_deletion']);
  });

  it('the history shows every hostname served without a gap through the moves; an invalidation is a gap', async () => {
    for (const hostname of hostnames) {
      assert.deepEqual(emulator.state.serviceGaps(zoneId, hostname), [], hostname);
      assert.deepEqual(
        emulator.state.associationHistory.of(zoneId, hostname).map((event) => event.certId),
        [oldId, newId],
        'a stale invalidation is no change',
      );
    }
    const invalidated = await associate([{ hostname: hostnames[2], cert_id: newId, enabled: null }]);
    assert.deepEqual([invalidated.status, invalidated.body.result[0].hostname], [200, hostnames[2]]);
    assert.deepEqual(refusal(await one(hostnames[2])), { status: 404, code: 1404, success: false });
    const [gap] = emulator.state.serviceGaps(zoneId, hostnames[2]);
    assert.equal(gap.to, Infinity);
    assert.equal(emulator.state.servingCertificate(zoneId, hostnames[2]), undefined);
    assert.deepEqual(emulator.state.servingCertificate(zoneId, hostnames[2], gap.from - 1), { certId: newId, enabled: true });
  });

  it('disabling keeps the association and is a gap; a moved-back hostname (undo) is served by the first certificate again', async () => {
    const disabled = await associate([{ hostname: hostnames[1], cert_id: newId, enabled: false }]);
    assert.deepEqual(
      [disabled.body.result[0].enabled, disabled.body.result[0].status],
      [false, 'active'],
      'same certificate: nothing to deploy',
    );
    assert.equal(emulator.state.serviceGaps(zoneId, hostnames[1]).at(-1)?.disabledCertId, newId);
    const third = (
      await call<HostnameCertificate>(emulator, 'POST', aopPath(zoneId, '/hostnames/certificates'), {
        body: uploadBody(await leaf('third.staging.example.net')),
      })
    ).body.result.id;
    await pause(TRANSITION_MS + 20);
    await associate([{ hostname: hostnames[0], cert_id: third, enabled: true }]);
    await associate([{ hostname: hostnames[0], cert_id: newId, enabled: true }]);
    assert.equal(
      emulator.state.servingCertificate(zoneId, hostnames[0])?.certId,
      newId,
      'the move back is pending, the current certificate serves',
    );
    await pause(ASSOCIATION_MS + 50);
    assert.deepEqual(emulator.state.serviceGaps(zoneId, hostnames[0]), []);
    assert.equal(emulator.state.servingCertificate(zoneId, hostnames[0])?.certId, newId);
  });

  it('the associationTransitionMs option sets the deployment time of associations alone; 0 makes them active at once', async () => {
    const fast = await startEmulator({ port: 0, seed: 'demo', transitionMs: 0, associationTransitionMs: 0 });
    try {
      const example = zoneNamed(fast, 'example.com');
      const certId = fast.state.associations.find((association) => association.hostname === 'api.example.com')!.certId;
      const put = await call<HostnameAssociation[]>(fast, 'PUT', aopPath(example.id, '/hostnames'), {
        body: { config: [{ hostname: 'now.example.com', cert_id: certId, enabled: true }] },
      });
      assert.equal(put.body.result[0].status, 'active');
    } finally {
      await fast.close();
    }
    assert.equal(emulator.state.associationTransitionMs, ASSOCIATION_MS);
  });

  it('zone-level settings: GET and PUT answer { enabled } as documented', async () => {
    assert.deepEqual((await call(emulator, 'PUT', aopPath(zoneId, '/settings'), { body: { enabled: false } })).body.result, {
      enabled: false,
    });
    assert.deepEqual((await call(emulator, 'GET', aopPath(zoneId, '/settings'))).body.result, { enabled: false });
    const seen = emulator.contractViolations.length;
    assert.deepEqual(refusal(await call(emulator, 'PUT', aopPath(zoneId, '/settings'), { body: { enabled: 'yes' } })).code, 1403);
    assert.deepEqual(
      emulator.contractViolations.splice(seen).map((violation) => violation.kind),
      ['request'],
      "the invalid body is flagged as the test's own",
    );
  });

  it("/__emulator/associations reports every zone's associations with status and serving certificate", async () => {
    const response = await fetch(`${emulator.baseUrl.replace(/\/client\/v4$/, '')}/__emulator/associations`);
    const report = (await response.json()) as { zones: { id: string; associations: { hostname: string; servingCertId?: string }[] }[] };
    const staging = report.zones.find((zone) => zone.id === zoneId)!;
    assert.deepEqual(
      staging.associations.map((association) => association.hostname),
      [hostnames[0], hostnames[1]],
    );
    assert.equal(staging.associations[0].servingCertId, newId);
  });

  it('held every request and answer to the schema', () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});
