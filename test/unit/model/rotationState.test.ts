import * as assert from 'node:assert/strict';
import { findRotations } from '../../../src/model/rotationState';
import { createCertificate, days } from '../../fixtures/certificateFactory';
import { association, certificate } from './fakeBuilders';

/** A rotation is read from Cloudflare's state alone: which certificate serves which hostname. */
describe('findRotations', () => {
  let oldPem: string;
  let newPem: string;
  let otherPem: string;

  before(async () => {
    oldPem = (await createCertificate({ commonName: 'api.example.test', notAfter: days(5) })).certPem;
    newPem = (await createCertificate({ commonName: 'api.example.test', notAfter: days(300) })).certPem;
    otherPem = (await createCertificate({ commonName: 'other.example.test', notAfter: days(300) })).certPem;
  });

  const old = () => certificate({ id: 'old', expiresOn: days(5), pem: oldPem });
  const next = (status = 'active') => certificate({ id: 'new', status, expiresOn: days(300), pem: newPem });

  it('marks an old certificate whose hostnames are partly on a later one for the same names', () => {
    const state = findRotations({
      certificates: [old(), next()],
      associations: [association('a', 'new'), association('b', 'new'), association('c', 'old')],
    });
    const rotation = state.get('old');
    assert.deepEqual(rotation && { moved: rotation.moved, remaining: rotation.remaining, to: rotation.newCertificate.id }, {
      moved: ['a', 'b'],
      remaining: ['c'],
      to: 'new',
    });
    assert.equal(state.has('new'), false, 'the replacement is not itself being rotated');
  });

  it('marks an old certificate left unused after every hostname moved', () => {
    const rotation = findRotations({ certificates: [old(), next()], associations: [association('a', 'new')] }).get('old');
    assert.deepEqual(rotation?.remaining, []);
  });

  it('sees a replacement ready before anything moved, active or still deploying, and takes the latest copy', () => {
    for (const status of ['active', 'initializing', 'pending_deployment']) {
      const ready = findRotations({
        certificates: [old(), next(status)],
        associations: [association('a', 'old'), association('b', 'old')],
      }).get('old');
      assert.deepEqual(
        ready && { moved: ready.moved, remaining: ready.remaining, to: ready.newCertificate.id },
        { moved: [], remaining: ['a', 'b'], to: 'new' },
        status,
      );
    }
    const later = certificate({ id: 'later', expiresOn: days(600), pem: newPem });
    assert.equal(
      findRotations({ certificates: [old(), next(), later], associations: [association('a', 'old')] }).get('old')?.newCertificate.id,
      'later',
    );
  });

  it('prefers the copy hostnames already moved to over a later unused one', () => {
    const later = certificate({ id: 'later', expiresOn: days(600), pem: newPem });
    const rotation = findRotations({
      certificates: [old(), next(), later],
      associations: [association('a', 'new'), association('b', 'old')],
    }).get('old');
    assert.deepEqual(rotation && { moved: rotation.moved, to: rotation.newCertificate.id }, { moved: ['a'], to: 'new' });
  });

  it('sees no rotation for an unused old certificate, other names, an earlier expiry, or a replacement that failed to deploy', () => {
    assert.equal(findRotations({ certificates: [old(), next()], associations: [] }).size, 0, 'nothing to move');
    const other = certificate({ id: 'other', expiresOn: days(300), pem: otherPem });
    assert.equal(
      findRotations({ certificates: [old(), other], associations: [association('a', 'other'), association('b', 'old')] }).size,
      0,
    );
    const earlier = certificate({ id: 'new', expiresOn: days(2), pem: newPem });
    const backwards = findRotations({ certificates: [old(), earlier], associations: [association('a', 'new')] });
    assert.equal(backwards.has('old'), false, 'no rotation to a copy that expires earlier');
    assert.equal(backwards.get('new')?.newCertificate.id, 'old', 'the hostname on the earlier copy has a later one ready');
    assert.equal(findRotations({ certificates: [old(), next('deployment_timed_out')], associations: [association('a', 'old')] }).size, 0);
    // Hostnames on a copy that is not active are not a rotation under way (Cloudflare would not serve them).
    assert.equal(findRotations({ certificates: [old(), next('pending_deployment')], associations: [association('a', 'new')] }).size, 0);
  });

  it('ignores invalidated associations and certificates on their way out', () => {
    assert.equal(findRotations({ certificates: [old(), next()], associations: [association('a', 'new', null)] }).size, 0);
    assert.deepEqual(
      findRotations({ certificates: [old(), next()], associations: [association('a', 'new', null), association('b', 'old')] }).get('old')
        ?.moved,
      [],
      'an invalidated move is no move',
    );
    const leaving = certificate({ id: 'old', status: 'pending_deletion', expiresOn: days(5), pem: oldPem });
    assert.equal(findRotations({ certificates: [leaving, next()], associations: [association('a', 'new')] }).size, 0);
  });
});
