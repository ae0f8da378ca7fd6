import * as assert from 'node:assert/strict';
import {
  deleteOldAfterRotation,
  disableForHostname,
  disableZoneAop,
  invalidateThenDelete,
  packReplacement,
  rotationSteps,
  stopUsingForHostname,
} from '../../../src/format/confirmationText';
import { days, TEST_NOW } from '../../fixtures/testClock';

describe('confirmation sentences', () => {
  it('lists a rotation’s three steps with the replacement’s expiry and the hostnames that move', () => {
    assert.equal(
      rotationSteps('api.example.com', days(400), TEST_NOW, 5, 'old.example.com'),
      [
        '1. Upload "api.example.com" (expires in 400 days) and wait until Cloudflare has deployed it.',
        '2. Move 5 hostnames to it; each keeps the old certificate until the new one serves it.',
        '3. Then you are asked whether to delete "old.example.com".',
      ].join('\n'),
    );
    assert.match(rotationSteps('a', days(2), TEST_NOW, 1, 'b'), /Move 1 hostname to it;/);
  });

  it('says after a rotation which hostnames moved, in the right number', () => {
    assert.equal(
      deleteOldAfterRotation(['a.example'], 'old'),
      '1 hostname was moved (a.example) and is active on the new certificate; no hostname uses "old" any more. Deleting it cannot be undone. Keep it to be able to undo the rotation.',
    );
    assert.match(deleteOldAfterRotation([], 'old'), /^0 hostnames were moved and are active/);
    assert.match(
      deleteOldAfterRotation(['a.example', 'b.example'], 'old'),
      /^2 hostnames were moved \(a\.example, b\.example\) and are active/,
    );
  });

  it('compares a pack certificate with its replacement, and says an unknown expiry', () => {
    const text = packReplacement(TEST_NOW, { serial: '0a' }, { name: 'shop.example', serial: '0b', notAfter: days(90) });
    assert.equal(
      text,
      'Now: serial 0a, expiry unknown.\nNew: "shop.example", serial 0b, expires in 90 days.\nCloudflare serves the new certificate once it is deployed; the old one is gone.',
    );
  });

  it('names the hostnames a delete invalidates, and what disabling stops', () => {
    assert.match(invalidateThenDelete(['a.example', 'b.example']), /^2 hostnames use it \(a\.example, b\.example\)\. Cloudflare requires/);
    assert.match(invalidateThenDelete(['a.example']), /^1 hostname uses it \(a\.example\)\. Cloudflare requires/);
    assert.match(stopUsingForHostname('a.example', 'api'), /origin of a\.example .*Once no hostname uses "api", it can be deleted\.$/);
    assert.match(disableForHostname('a.example'), /origin of a\.example; an origin that requires it will refuse/);
    assert.match(disableZoneAop('example.com'), /origins of example\.com\. .*Per-hostname certificates are not changed\.$/);
  });
});
