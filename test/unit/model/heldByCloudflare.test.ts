import * as assert from 'node:assert/strict';
import { ActivityTracker } from '../../../src/model/activityTracker';
import { heldByCloudflare } from '../../../src/model/heldByCloudflare';
import { certificate, hostname } from './fakeClient';
import { deferred, harness } from './modelHarness';

describe('heldByCloudflare', () => {
  const names = new Map([['z1', 'example.com']]);

  it('says it cannot tell before anything has loaded', () => {
    const { data } = harness();
    assert.match(heldByCloudflare(data, names, 'ab', 'cd'), /^unknown/);
  });

  it('matches client certificates by serial, in any case', () => {
    const { data } = harness();
    data.setAop('z1', { certificates: [certificate({ id: 'c1', serial: 'ABCDEF01' })], associations: [] });
    assert.equal(heldByCloudflare(data, names, 'abcdef01', 'x'), 'yes: client certificate in example.com');
    // Pack certificates come from the custom-hostname list, which only a load fills.
    assert.match(heldByCloudflare(data, names, '99', 'x'), /^no/);
  });

  it('finds pack certificates by fingerprint with colons, and names at most three places', async () => {
    const { fake, data } = harness();
    const pack = [{ id: 'p', serial_number: '01', fingerprint_sha256: 'AB:CD:EF' }];
    fake.seed('z1', { hostnames: ['a', 'b', 'c', 'd', 'e'].map((name) => hostname(name, `${name}.example`, pack)) });
    await data.customHostnames('z1');
    assert.equal(
      heldByCloudflare(data, names, 'ff', 'abcdef'),
      'yes: pack certificate of a.example (example.com); pack certificate of b.example (example.com); pack certificate of c.example (example.com); and 2 more',
    );
  });
});

describe('ActivityTracker', () => {
  it('shows the latest words while work runs and clears them after, even when the work fails', async () => {
    const activity = new ActivityTracker();
    const first = deferred();
    const second = deferred();
    const one = activity.run('n', 'Uploading…', () => first.promise);
    const two = activity.run('n', 'Deleting…', () => second.promise.then(() => Promise.reject(new Error('refused'))));
    assert.equal(activity.of('n'), 'Deleting…');
    second.resolve();
    await assert.rejects(two, /refused/);
    assert.equal(activity.of('n'), 'Uploading…');
    first.resolve();
    await one;
    assert.equal(activity.of('n'), undefined);
  });
});
