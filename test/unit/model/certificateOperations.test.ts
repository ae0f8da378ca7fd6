import * as assert from 'node:assert/strict';
import { certificateOperations } from '../../../src/model/certificateOperations';
import { RefusedError } from '../../../src/model/operations/operationContext';
import { association, certificate, clientOf, hostname, packCertificate } from './fakeClient';
import { FAST_POLL, harness } from './modelHarness';
import { uploadOf } from './uploadFixtures';

describe('certificateOperations', () => {
  it('binds every operation to the data and activity it was built with, reading the poll timing at each call', async () => {
    const { fake, data, activity } = harness();
    fake.seed('z1', {
      certificates: [certificate({ id: 'c1' })],
      associations: [association('a.example', 'c1')],
      hostnames: [
        hostname('h1', 'a.example', [
          packCertificate('p1', 'SHA256WithRSA', new Date()),
          packCertificate('p2', 'ECDSAWithSHA256', new Date()),
        ]),
      ],
    });
    let timingReads = 0;
    const lines: string[] = [];
    const operations = certificateOperations(
      clientOf(fake),
      data,
      activity,
      () => {
        timingReads += 1;
        return FAST_POLL;
      },
      (line) => lines.push(line),
    );
    const upload = await uploadOf('z1');
    await operations.checkRoomForClientCertificate(upload);
    assert.equal((await operations.uploadClientCertificate(upload)).settled, true);
    const users = await operations.hostnamesUsing('z1', 'c1');
    assert.deepEqual(
      await operations.deleteClientCertificate({ zoneId: 'z1', zoneName: 'z1.example', certificateId: 'c1', name: 'c1' }, users),
      { settled: true },
    );
    assert.equal(
      (await operations.setAssociation({ zoneId: 'z1', certificateId: 'uploaded-1', hostname: 'b.example', enabled: true })).settled,
      true,
    );
    assert.deepEqual(await operations.setZoneAop('z1', true), { enabled: true });
    await data.customHostnames('z1');
    await operations.refreshCustomHostname('z1', 'h1');
    assert.equal(
      (await operations.deletePackCertificate({ zoneId: 'z1', hostnameId: 'h1', packId: 'pack-h1', certificateId: 'p2' })).settled,
      true,
    );
    assert.ok(timingReads >= 4, `timing read ${timingReads} times`);
    assert.ok(lines.length >= 4);
    await assert.rejects(operations.checkRoomForClientCertificate(upload), RefusedError);
  });
});
