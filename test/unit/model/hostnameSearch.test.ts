import * as assert from 'node:assert/strict';
import type { CustomHostnameSearch } from '../../../src/cloudflare/customHostnameQuery';
import { CancelledError, NotFoundError } from '../../../src/cloudflare/errors';
import type { CustomHostname, Page, Zone } from '../../../src/cloudflare/types';
import { DebouncedSearch } from '../../../src/model/debouncedSearch';
import { MATCHES_PER_ZONE, searchHostnames, zonesToSearch, type HostnameSearchClient } from '../../../src/model/hostnameSearch';
import { RevealedHostnames } from '../../../src/tree/revealedHostnames';
import type { CustomHostnameRecord } from '../../../src/model/customHostnameRecord';

const zone = (name: string): Zone => ({ id: `id-${name}`, name });
const hostname = (name: string, id = `h-${name}`): CustomHostname => ({ id, hostname: name });

/** A client whose zones hold the given hostnames, filtering `hostname.contain` as Cloudflare does. */
function fakeClient(held: Record<string, string[]>, refuse: string[] = []) {
  const calls: { zoneId: string; search: CustomHostnameSearch; perPage: number }[] = [];
  const client: HostnameSearchClient = {
    async searchCustomHostnames(zoneId, search, _page, perPage, signal): Promise<Page<CustomHostname>> {
      calls.push({ zoneId, search, perPage });
      if (signal?.aborted) {
        throw new CancelledError('cancelled');
      }
      if (refuse.includes(zoneId)) {
        throw new NotFoundError('no SaaS here');
      }
      const matching = (held[zoneId] ?? []).filter((name) => name.includes(search.hostname!.value));
      return { items: matching.slice(0, perPage).map((name) => hostname(name)), resultInfo: { total_count: matching.length } };
    },
  };
  return { client, calls };
}

describe('hostname search across zones', () => {
  const alpha = zone('alpha.test');
  const beta = zone('beta.test');

  it('asks every zone once with hostname.contain, ranks exact and prefix matches first, and totals result_info', async () => {
    const { client, calls } = fakeClient({
      [alpha.id]: ['xshop.alpha.test', 'shop.alpha.test', 'a-shop.alpha.test'],
      [beta.id]: ['shop', 'nothing.beta.test'],
    });
    const found = await searchHostnames(client, [alpha, beta], 'shop', new AbortController().signal);
    assert.deepEqual(
      calls.map((call) => [call.zoneId, call.search, call.perPage]),
      [
        [alpha.id, { hostname: { match: 'contain', value: 'shop' } }, MATCHES_PER_ZONE],
        [beta.id, { hostname: { match: 'contain', value: 'shop' } }, MATCHES_PER_ZONE],
      ],
    );
    assert.deepEqual(
      found.matches.map((match) => `${match.hostname.hostname}@${match.zone.name}`),
      ['shop@beta.test', 'shop.alpha.test@alpha.test', 'a-shop.alpha.test@alpha.test', 'xshop.alpha.test@alpha.test'],
    );
    assert.equal(found.total, 4);
  });

  it('keeps the zones that answered when another refuses, and fails only when every zone refuses', async () => {
    const { client } = fakeClient({ [alpha.id]: ['shop.alpha.test'] }, [beta.id]);
    const found = await searchHostnames(client, [alpha, beta], 'shop', new AbortController().signal);
    assert.deepEqual(
      found.matches.map((match) => match.hostname.hostname),
      ['shop.alpha.test'],
    );
    assert.deepEqual(found.failedZones, [beta]);
    await assert.rejects(searchHostnames(client, [beta], 'shop', new AbortController().signal), NotFoundError);
  });

  it('rejects as cancelled once its signal is aborted', async () => {
    const { client } = fakeClient({ [alpha.id]: ['shop.alpha.test'] });
    await assert.rejects(searchHostnames(client, [alpha], 'shop', AbortSignal.abort()), CancelledError);
  });

  it('searches only zones not known to hold no custom hostnames', () => {
    const gamma = zone('gamma.test');
    const loaded = new Map([
      [alpha.id, { items: [], complete: true }],
      [beta.id, { items: [], complete: false }],
    ]);
    assert.deepEqual(zonesToSearch([alpha, beta, gamma], loaded), [beta, gamma]);
  });
});

describe('DebouncedSearch', () => {
  it('searches once for the last text typed within the pause, and aborts a search in flight when the text changes', async () => {
    const sent: { text: string; signal: AbortSignal }[] = [];
    const releases: (() => void)[] = [];
    const answers: string[] = [];
    let answered: () => void = () => undefined;
    const debounced = new DebouncedSearch<string>(
      (text, signal) => {
        sent.push({ text, signal });
        return new Promise((resolve) => releases.push(() => resolve(`found ${text}`)));
      },
      {
        started: () => undefined,
        answered: (_text, result) => {
          answers.push(result);
          answered();
        },
        failed: () => undefined,
      },
      5,
    );
    const sentCount = (count: number) =>
      new Promise<void>((resolve) => {
        const poll = () => (sent.length >= count ? resolve() : setTimeout(poll, 1));
        poll();
      });
    debounced.update('s');
    debounced.update('sh');
    debounced.update('sho');
    await sentCount(1);
    assert.deepEqual(
      sent.map((entry) => entry.text),
      ['sho'],
    );
    debounced.update('shop');
    assert.equal(sent[0].signal.aborted, true, 'the search for the old text is aborted at once');
    await sentCount(2);
    const done = new Promise<void>((resolve) => (answered = resolve));
    releases[0]();
    releases[1]();
    await done;
    assert.deepEqual(answers, ['found shop'], "the aborted search's late answer is dropped");
    debounced.dispose();
    assert.equal(sent[1].signal.aborted, false, 'a finished search is not aborted afterwards');
  });
});

describe('RevealedHostnames', () => {
  /** The group's question in lists: which pinned hostnames do these shown rows leave out? */
  const beyond = (revealed: RevealedHostnames, shown: CustomHostnameRecord[], loaded: CustomHostnameRecord[], complete: boolean) =>
    revealed.beyond(
      (id) => shown.some((row) => row.id === id),
      (id) => loaded.find((row) => row.id === id),
      complete,
    );

  it('lists a revealed hostname the shown rows leave out, prefers the loaded copy, and forgets one a complete list lost', () => {
    const revealed = new RevealedHostnames();
    const deep = hostname('deep.test', 'deep');
    revealed.add(deep);
    const shown = [hostname('a.test'), hostname('b.test')];
    assert.deepEqual(beyond(revealed, shown, shown, false), [deep], 'not loaded yet: the revealed copy');
    const newer = { ...deep, status: 'active' as const };
    assert.deepEqual(beyond(revealed, shown, [...shown, newer], true), [newer]);
    assert.deepEqual(beyond(revealed, [...shown, newer], [...shown, newer], true), [], 'already shown');
    assert.deepEqual(beyond(revealed, shown, shown, true), [], 'deleted');
    assert.deepEqual(beyond(revealed, shown, [...shown, newer], true), [], 'forgotten once deleted');
  });

  it('asks for the rows to be fetched anew only when a new hostname is pinned after the group listed its rows, and says when it did', async () => {
    const revealed = new RevealedHostnames();
    assert.equal(revealed.add(hostname('first.test')), false, 'never listed: the view will fetch the rows when it opens the group');
    beyond(revealed, [], [], false);
    assert.equal(revealed.add(hostname('first.test')), false, 'already pinned');
    assert.equal(revealed.add(hostname('second.test')), true);
    const relisted = revealed.nextListing();
    beyond(revealed, [], [], false);
    await relisted;
  });
});
