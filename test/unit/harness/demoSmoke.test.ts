import * as assert from 'node:assert/strict';
import { smokeCheck } from '../../harness/demoSmoke';

/** Answers by URL, as the workbench and the emulator would. */
function fakeFetch(
  answers: Record<string, { status: number; body?: unknown }>,
  seen: Array<[string, string | undefined]> = [],
): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    seen.push([url, new Headers(init?.headers).get('authorization') ?? undefined]);
    const answer = answers[url] ?? { status: 404 };
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status });
  }) as typeof fetch;
}

const PAGE = 'http://127.0.0.1:1/?folder=%2Ftmp%2Fx';
const API = 'http://127.0.0.1:2/client/v4';

describe('demoSmoke (what `npm run demo -- --smoke` checks)', () => {
  it('passes when the page answers 200 and demo-token sees zones, sending the bearer token', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const summary = await smokeCheck(
      PAGE,
      API,
      undefined,
      fakeFetch({ [PAGE]: { status: 200 }, [`${API}/zones`]: { status: 200, body: { success: true, result: [{}, {}] } } }, seen),
    );
    assert.equal(summary, `workbench 200 at ${PAGE}; emulator listed 2 zone(s) for demo-token`);
    assert.deepEqual(seen, [
      [PAGE, undefined],
      [`${API}/zones`, 'Bearer demo-token'],
    ]);
  });

  it('fails when the workbench does not answer 200', async () => {
    await assert.rejects(smokeCheck(PAGE, API, undefined, fakeFetch({ [PAGE]: { status: 502 } })), /workbench answered 502/);
  });

  it('fails when the emulator refuses the token or lists no zones', async () => {
    const refused = fakeFetch({ [PAGE]: { status: 200 }, [`${API}/zones`]: { status: 403, body: { success: false, result: null } } });
    await assert.rejects(smokeCheck(PAGE, API, undefined, refused), /answered 403/);
    const empty = fakeFetch({ [PAGE]: { status: 200 }, [`${API}/zones`]: { status: 200, body: { success: true, result: [] } } });
    await assert.rejects(smokeCheck(PAGE, API, undefined, empty), /listed no zones/);
  });
});
