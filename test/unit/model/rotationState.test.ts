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
    const state = findRotations({ certificates: [old(), next()], associations: [association('a', 'new'), association('b', 'new'), association('c', 'old')] });
    const rotation = state.get('old');
    assert.deepEqual(rotation && { moved: rotation.moved, remaining: rotation.remaining, to: rotation.newCertificate.id }, { moved: ['a', 'b'], remaining: ['c'], to: 'new' });
    assert.equal(state.has('new'), false, 'the replacement is not itself being rotated');
  });

  it('marks an old certificate left unused after every hostname moved', () => {
    const rotation = findRotations({ certificates: [old(), next()], associations: [association('a', 'new')] }).get('old');
    assert.deepEqual(rotation?.remaining, []);
  });

  it('sees no rotation before anything moved, for other names, for an earlier expiry, or to a certificate not yet active', () => {
    assert.equal(findRotations({ certificates: [old(), next()], associations: [association('a', 'old')] }).size, 0);
    const other = certificate({ id: 'other', expiresOn: days(300), pem: otherPem });
    assert.equal(findRotations({ certificates: [old(), other], associations: [association('a', 'other'), association('b', 'old')] }).size, 0);
    const earlier = certificate({ id: 'new', expiresOn: days(2), pem: newPem });
    assert.equal(findRotations({ certificates: [old(), earlier], associations: [association('a', 'new')] }).size, 0);
    assert.equal(findRotations({ certificates: [old(), next('pending_deployment')], associations: [association('a', 'new')] }).size, 0);
  });

  it('ignores invalidated associations and certificates on their way out', () => {
    assert.equal(findRotations({ certificates: [old(), next()], associations: [association('a', 'new', null), association('b', 'old')] }).size, 0);
    const leaving = certificate({ id: 'old', status: 'pending_deletion', expiresOn: days(5), pem: oldPem });
    assert.equal(findRotations({ certificates: [leaving, next()], associations: [association('a', 'new')] }).size, 0);
  });
});
