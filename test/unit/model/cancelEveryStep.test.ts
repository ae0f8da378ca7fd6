import * as assert from 'node:assert/strict';
import { packCertificates, type CustomHostname } from '../../../src/cloudflare/types';
import type { CustomHostnameRecord } from '../../../src/model/customHostnameRecord';
import { deleteClientCertificate } from '../../../src/model/operations/deleteClientCertificate';
import { replacePackCertificate } from '../../../src/model/operations/packCertificates';
import { finishRotation, rotateClientCertificate } from '../../../src/model/operations/rotateClientCertificate';
import { uploadClientCertificate } from '../../../src/model/operations/uploadClientCertificate';
import { createCertificate, days } from '../../fixtures/certificateFactory';
import { assertStopped, cancelAt, cancelPoints, describePoint, stepsOf, type Prepare } from './cancelPoints';
import { association, certificate, hostname, packCertificate } from './fakeClient';
import { harness, type Harness } from './modelHarness';
import { uploadOf } from './uploadFixtures';

/**
 * The person presses Cancel at every step of a change, one run per step: before the first request,
 * while each request is in flight (a write both before and after Cloudflare applied it), and between
 * two (which, before a poll, is the wait for Cloudflare to deploy). Each time the operation ends with
 * a StoppedError whose one line says what happened and what is left, the loaded data equals what the
 * fake Cloudflare holds, and nothing but one read-back is sent after the cancel.
 */
async function everyStep(
  operation: string,
  prepare: Prepare,
  check: { readBack: readonly string[]; shown: (h: Harness) => unknown; truth: (h: Harness) => unknown; said: (h: Harness) => RegExp },
): Promise<string[]> {
  const { steps, cancellable } = await stepsOf(prepare);
  const seen: string[] = [];
  for (const point of cancelPoints(steps, cancellable)) {
    const where = describePoint(point, steps);
    const { h, error, afterCancel } = await cancelAt(prepare, point);
    const said = assertStopped(error, operation);
    assert.deepEqual(afterCancel, check.readBack, `${where}: one read-back, nothing else`);
    assert.deepEqual(check.shown(h), check.truth(h), `${where}: the data is what Cloudflare holds`);
    assert.match(said, check.said(h), `${where}: the line matches what Cloudflare holds`);
    if (!seen.includes(said)) {
      seen.push(said);
    }
  }
  return seen;
}

/** What a custom hostname's pack says, the same for the API's object and the model's slim record. */
function packsOf(items: readonly (CustomHostname | CustomHostnameRecord)[] | undefined) {
  return items?.map((item) => ({
    id: item.id,
    hostname: item.hostname,
    status: item.status,
    ssl: item.ssl?.status,
    certificates: packCertificates(item).map((certificate) => ({
      id: certificate.id,
      serial: certificate.serial_number,
      expires: certificate.expires_on,
    })),
  }));
}

describe('A change cancelled at every step', () => {
  it('upload: says whether Cloudflare kept the certificate, and the data shows what it holds', async () => {
    let serial = '';
    const prepare: Prepare = async () => {
      const h = harness();
      h.fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
      await h.data.aop('z1');
      const upload = await uploadOf('z1');
      serial = upload.serialNumber;
      return { h, run: (signal) => uploadClientCertificate(h.context, upload, { signal }) };
    };
    const held = (h: Harness) => h.fake.zoneCertificates('z1').find((item) => item.serial_number?.toLowerCase() === serial);
    const seen = await everyStep('Upload', prepare, {
      readBack: ['listHostnameCertificates z1'],
      shown: (h) => h.data.loaded().aop.get('z1')?.certificates,
      truth: (h) => h.fake.zoneCertificates('z1'),
      said: (h) => (held(h) ? /reached z1\.example: Cloudflare is still deploying it \(pending deployment\)/ : /nothing changed\.$/),
    });
    assert.deepEqual(seen, [
      'Upload stopped before "upload.example.com" reached z1.example: nothing changed.',
      'Upload stopped after "upload.example.com" reached z1.example: Cloudflare is still deploying it (pending deployment). Delete it there if you did not mean to upload it.',
    ]);
  });

  it('delete: says how many hostnames no longer use the certificate and whether it is still on Cloudflare', async () => {
    const target = { zoneId: 'z1', zoneName: 'z1.example', certificateId: 'c1', name: 'api.example.com' };
    const prepare: Prepare = async () => {
      const h = harness();
      h.fake.seed('z1', {
        certificates: [certificate({ id: 'c1' }), certificate({ id: 'c2' })],
        associations: [association('a.example', 'c1'), association('b.example', 'c1', false), association('c.example', 'c2')],
      });
      await h.data.aop('z1');
      const users = [{ hostname: 'a.example' }, { hostname: 'b.example' }];
      return { h, run: (signal) => deleteClientCertificate(h.context, target, users, { signal }) };
    };
    const seen = await everyStep('Delete', prepare, {
      readBack: ['listHostnameCertificates z1', 'listHostnameAssociations z1'],
      shown: (h) => h.data.loaded().aop.get('z1'),
      truth: (h) => ({ certificates: h.fake.zoneCertificates('z1'), associations: h.fake.associations.get('z1') }),
      said: (h) => {
        const held = h.fake.zoneCertificates('z1').find((item) => item.id === 'c1');
        if (held?.status === 'pending_deletion') {
          return /being deleted \(pending deletion\)/;
        }
        const using = (h.fake.associations.get('z1') ?? []).filter((item) => item.cert_id === 'c1').length;
        return using === 0 ? /2 of 2 hostnames no longer use "api\.example\.com"; the certificate is still on Cloudflare/ : /used by 2/;
      },
    });
    assert.deepEqual(seen, [
      'Delete stopped before anything changed: "api.example.com" is still on Cloudflare, used by 2 hostnames.',
      'Delete stopped: 2 of 2 hostnames no longer use "api.example.com"; the certificate is still on Cloudflare. Delete it again to finish.',
      'Delete stopped after Cloudflare accepted it: "api.example.com" is being deleted (pending deletion); nothing is left to do.',
    ]);
  });

  it('pack replace: says whether the pack holds the new certificate, and the data shows the pack Cloudflare holds', async () => {
    let serial = '';
    const prepare: Prepare = async () => {
      const h = harness();
      h.fake.seed('z1', {
        hostnames: [
          hostname('h1', 'shop.example', [
            packCertificate('rsa', 'SHA256WithRSA', days(24), 'old0rsa'),
            packCertificate('ec', 'ECDSAWithSHA256', days(24), 'old0ec'),
          ]),
        ],
      });
      await h.data.customHostnames('z1');
      const generated = await createCertificate({ commonName: 'shop.example' });
      serial = generated.serialNumber;
      const material = { certificatePem: generated.certPem, privateKeyPem: generated.key.pkcs8Pem, serialNumber: serial };
      const ref = { zoneId: 'z1', hostnameId: 'h1', packId: 'pack-h1', certificateId: 'rsa' };
      return { h, run: (signal) => replacePackCertificate(h.context, ref, material, { signal }) };
    };
    const pack = (h: Harness) => h.fake.hostnames.get('z1')?.find((item) => item.id === 'h1');
    const seen = await everyStep('Replace', prepare, {
      readBack: ['getCustomHostname z1 h1'],
      // The model keeps slim records, the fake the API's objects: compare what both say of each pack.
      shown: (h) => packsOf(h.data.loaded().customHostnames.get('z1')?.items),
      truth: (h) => packsOf(h.fake.hostnames.get('z1')),
      said: (h) => {
        const landed = packCertificates(pack(h)!).some((item) => item.serial_number === serial);
        if (!landed) {
          return /nothing changed\.$/;
        }
        return pack(h)?.ssl?.status === 'active' ? /the pack is active/ : /still deploying it \(pending deployment\)/;
      },
    });
    assert.deepEqual(seen, [
      'Replace stopped before the new certificate reached the pack of shop.example: nothing changed.',
      'Replace stopped after the new certificate reached the pack of shop.example: Cloudflare is still deploying it (pending deployment); nothing is left to do.',
      'Replace stopped after the new certificate reached the pack of shop.example: the pack is active; nothing is left to do.',
    ]);
  });

  it('rotation: says how far the hostnames moved, and the data shows where each one is', async () => {
    const hosts = ['a.example', 'b.example', 'c.example'];
    const target = { zoneId: 'z1', zoneName: 'z1.example', oldCertificateId: 'old' };
    let serial = '';
    const prepare: Prepare = async () => {
      const h = harness();
      h.fake.seed('z1', { certificates: [certificate({ id: 'old' })], associations: hosts.map((host) => association(host, 'old')) });
      await h.data.aop('z1');
      const replacement = await uploadOf('z1');
      serial = replacement.serialNumber;
      return { h, run: (signal) => rotateClientCertificate(h.context, target, replacement, { signal }) };
    };
    const seen = await everyStep('Rotation', prepare, {
      readBack: ['listHostnameCertificates z1', 'listHostnameAssociations z1'],
      shown: (h) => h.data.loaded().aop.get('z1'),
      truth: (h) => ({ certificates: h.fake.zoneCertificates('z1'), associations: h.fake.associations.get('z1') }),
      said: (h) => {
        const replacement = h.fake.zoneCertificates('z1').find((item) => item.serial_number?.toLowerCase() === serial);
        const onOld = (h.fake.associations.get('z1') ?? []).filter((item) => item.cert_id === 'old').length;
        if (!replacement) {
          return /before the replacement reached Cloudflare: nothing changed/;
        }
        return onOld === hosts.length
          ? /no hostname moved yet/
          : onOld === 0
            ? /after every hostname moved/
            : /of 3 hostnames are on the replacement/;
      },
    });
    assert.deepEqual(seen, [
      'Rotation stopped before the replacement reached Cloudflare: nothing changed.',
      'Rotation stopped: the replacement is uploaded and still deploying; no hostname moved yet. Finish Rotation is on the certificate.',
      'Rotation stopped: the replacement is uploaded and active; no hostname moved yet. Finish Rotation is on the certificate.',
      'Rotation stopped after every hostname moved: the old certificate is unused; delete it when you are ready.',
    ]);
  });

  it('Finish Rotation: says how far the hostnames moved, and the data shows where each one is', async () => {
    const hosts = ['a.example', 'b.example'];
    const target = { zoneId: 'z1', zoneName: 'z1.example', oldCertificateId: 'old' };
    const prepare: Prepare = async () => {
      const h = harness();
      h.fake.seed('z1', {
        certificates: [certificate({ id: 'old' }), certificate({ id: 'new' })],
        associations: hosts.map((host) => association(host, 'old')),
      });
      await h.data.aop('z1');
      return { h, run: (signal) => finishRotation(h.context, target, 'new', { signal }) };
    };
    const seen = await everyStep('Rotation', prepare, {
      readBack: ['listHostnameCertificates z1', 'listHostnameAssociations z1'],
      shown: (h) => h.data.loaded().aop.get('z1'),
      truth: (h) => ({ certificates: h.fake.zoneCertificates('z1'), associations: h.fake.associations.get('z1') }),
      said: (h) =>
        (h.fake.associations.get('z1') ?? []).some((item) => item.cert_id === 'old')
          ? /no hostname moved yet/
          : /after every hostname moved/,
    });
    assert.deepEqual(seen, [
      'Rotation stopped: the replacement is uploaded and active; no hostname moved yet. Finish Rotation is on the certificate.',
      'Rotation stopped after every hostname moved: the old certificate is unused; delete it when you are ready.',
    ]);
  });
});
