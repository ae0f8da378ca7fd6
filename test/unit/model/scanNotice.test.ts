import * as assert from 'node:assert/strict';
import { CloudflareApiError } from '../../../src/cloudflare/errors';
import { RequestLimiter } from '../../../src/cloudflare/requestLimiter';
import { hostnameTallyText } from '../../../src/model/hostnameCount';
import { ScanNotice } from '../../../src/model/scanNotice';
import { hostname } from './fakeClient';
import { deferred, harness } from './modelHarness';

/** Five custom hostnames in z1, served two to a page (three pages), as a large zone is in thousands. */
function fiveHostnamesInPages() {
  const setup = harness();
  setup.fake.zones.push({ id: 'z1', name: 'saas.example' });
  setup.fake.hostnames.set(
    'z1',
    Array.from({ length: 5 }, (_, index) => hostname(`h${index}`, `shop-${index}.customer.example`)),
  );
  setup.fake.hostnamePageSize = 2;
  return setup;
}

/** A limiter whose budget (one request a minute for the scan) is spent at once, as 500 pages spend it. */
async function spentBudget(): Promise<{ limiter: RequestLimiter; release: () => void }> {
  const limiter = new RequestLimiter({ windowRequests: 1, windowMs: 60_000 });
  await limiter.run(async () => undefined, undefined, { lane: 'background' });
  const controller = new AbortController();
  const queued = limiter.run(async () => undefined, controller.signal, { lane: 'background' }).catch(() => undefined);
  return {
    limiter,
    release: () => {
      controller.abort();
      void queued;
    },
  };
}

describe('ScanNotice: a scan that cannot finish inside the rate budget', () => {
  it('says how many hostnames are counted of how many, and that it continues, from the first wait for the budget', async () => {
    const { fake, data } = fiveHostnamesInPages();
    const later = deferred();
    fake.on('listCustomHostnames', { gate: later.promise }, 2).on('listCustomHostnames', { gate: later.promise }, 3);
    const limiter = new RequestLimiter({ windowRequests: 1, windowMs: 60_000 });
    const notice = new ScanNotice(data.hostnameCount, limiter);
    const loading = data.customHostnames('z1', false);
    await fake.reached('listCustomHostnames', 3);
    assert.equal(notice.state, undefined, 'nothing to say before the budget runs out');

    await limiter.run(async () => undefined, undefined, { lane: 'background' });
    const controller = new AbortController();
    const queued = limiter.run(async () => undefined, controller.signal, { lane: 'background' }).catch(() => undefined);
    const stated = notice.state as { text: string; resumeInMs?: number } | undefined;
    assert.equal(stated?.text, 'counted 2 of 5 custom hostnames; continuing');
    assert.ok((stated?.resumeInMs ?? 0) > 0, 'and when it resumes');

    later.resolve();
    const list = await loading;
    assert.equal(list.items.length, 5);
    assert.equal(notice.state, undefined, 'gone once every hostname is counted');
    assert.deepEqual(data.hostnameCount.tally(), { counted: 5, expected: 5, complete: true });
    controller.abort();
    await queued;
    notice.dispose();
  });

  it('never claims a complete count when a page fails: the tally stays short of what Cloudflare reported', async () => {
    const { fake, data } = fiveHostnamesInPages();
    fake.on('listCustomHostnames', { throw: new CloudflareApiError('server error (503)', { status: 503 }) }, 2);
    const budget = await spentBudget();
    const notice = new ScanNotice(data.hostnameCount, budget.limiter);
    const list = await data.customHostnames('z1', false);
    assert.equal(list.complete, false);
    const tally = data.hostnameCount.tally();
    assert.equal(tally.complete, false);
    assert.equal(tally.expected, 5);
    assert.ok(tally.counted < 5, `counted ${tally.counted}`);
    assert.equal(hostnameTallyText(tally, false), `counted ${tally.counted} of 5 custom hostnames`);
    budget.release();
    notice.dispose();
  });

  it('starts the count afresh on a reload, so an old count never stands for the new one', async () => {
    const { data } = fiveHostnamesInPages();
    await data.customHostnames('z1', false);
    assert.equal(data.hostnameCount.tally().counted, 5);
    data.reloadAll();
    assert.deepEqual(data.hostnameCount.tally(), { counted: 0, expected: 0, complete: true });
  });

  it('words the count with thousands separators, and says "all" only for a complete one', () => {
    assert.equal(
      hostnameTallyText({ counted: 300_000, expected: 500_000, complete: false }, true),
      'counted 300,000 of 500,000 custom hostnames; continuing',
    );
    assert.equal(hostnameTallyText({ counted: 500_000, expected: 500_000, complete: true }, true), 'counted all 500,000 custom hostnames');
    assert.equal(
      hostnameTallyText({ counted: 500_000, expected: 500_000, complete: false }, false),
      'counted 500,000 of 500,000 custom hostnames',
    );
  });
});
