import * as assert from 'node:assert/strict';
import { CloudflareTransport } from '../../../src/cloudflare/cloudflareTransport';
import type { FetchLike } from '../../../src/cloudflare/fetchLike';
import { RequestLimiter } from '../../../src/cloudflare/requestLimiter';

// The limiter bounds what is in flight on the network. Reading an answer (a page of 1,000 custom
// hostnames waits for its share of the event loop) happens after the answer has arrived, outside it.
describe('CloudflareTransport and the limiter’s slots', () => {
  it('frees a slot once the answer has arrived: the next request leaves while the first answer is still being read', async () => {
    const sent: string[] = [];
    const fetch: FetchLike = async (url) => {
      sent.push(new URL(url).pathname);
      return {
        status: 200,
        headers: { get: () => null },
        text: async () => JSON.stringify({ success: true, errors: [], messages: [], result: 'answer' }),
      };
    };
    const limiter = new RequestLimiter({ maxConcurrent: 1 });
    const transport = new CloudflareTransport({
      baseUrl: 'https://api.cloudflare.com/client/v4',
      getToken: async () => 'token',
      fetch,
      limiter,
    });
    let finishReading!: () => void;
    const reading = new Promise<void>((resolve) => (finishReading = resolve));
    let readStarted = false;
    const first = transport.call<string>('GET', '/first', {
      read: async () => {
        readStarted = true;
        await reading;
        return { result: 'read slowly' };
      },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the second request waited for the first answer to be read')), 2_000);
    });
    try {
      const second = await Promise.race([transport.call<string>('GET', '/second', {}), stuck]);
      assert.equal(second.result, 'answer');
      assert.ok(readStarted, 'the first answer was being read meanwhile');
      assert.deepEqual(sent, ['/client/v4/first', '/client/v4/second']);
      assert.equal(limiter.stats().peakInFlight, 1, 'never more than the one slot on the network');
    } finally {
      clearTimeout(timer);
      finishReading();
    }
    assert.equal((await first).result, 'read slowly');
  });
});
