import * as assert from 'node:assert/strict';
import { failureToError, outcomeUnknown, toCloudflareError, type RequestDescription } from '../../../src/cloudflare/errors';

const post: RequestDescription = {
  method: 'POST',
  path: '/zones/z/origin_tls_client_auth/hostnames/certificates',
  needs: 'SSL and Certificates: Edit',
};

describe('outcomeUnknown (may a failed write have landed?)', () => {
  it('yes when the answer was lost, unreadable or a server error', () => {
    for (const reason of ['network', 'timeout', 'cancelled', 'malformed'] as const) {
      assert.equal(outcomeUnknown(failureToError(post, reason)), true, reason);
    }
    for (const status of [500, 502, 503, 504]) {
      assert.equal(outcomeUnknown(toCloudflareError(post, status, [])), true, String(status));
    }
  });

  it('no when Cloudflare answered that it did not do it', () => {
    for (const status of [400, 401, 403, 404, 409, 429]) {
      assert.equal(outcomeUnknown(toCloudflareError(post, status, [{ code: 1000, message: 'refused' }])), false, String(status));
    }
    assert.equal(outcomeUnknown(new Error('a bug')), false);
  });
});
