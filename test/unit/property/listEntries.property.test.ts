import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import { MalformedResponseError } from '../../../src/cloudflare/errors';
import type { ListEntries } from '../../../src/cloudflare/listEntries';
import { lazyEntries, splitListAnswer, UNREAD_VALUE } from '../../../src/cloudflare/listEntries';

const entries = <T>(list: ListEntries<T>): T[] => Array.from({ length: list.length }, (_, index) => list.at(index));

/** A client whose every request gets `body` with `status`. */
function answering(body: string, status = 200): CloudflareClient {
  return new CloudflareClient({
    baseUrl: 'https://api.cloudflare.com/client/v4',
    getToken: async () => 'demo-token',
    fetch: async () => ({ status, headers: { get: () => null }, text: async () => body }),
    maxRetries: 0,
    sleep: async () => undefined,
  });
}

/** JSON values with the characters that trip a hand-written scanner: quotes, backslashes, brackets in strings. */
const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ':', 'a', ' ', '\n', 'é', '\u2028') });
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    tricky,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const entry = fc.dictionary(tricky, value, { maxKeys: 4 });
/** JSON.stringify with or without indentation: Cloudflare sends it compact, a proxy may not. */
const layout = fc.constantFrom(undefined, 2, '\t');

describe('List answers read entry by entry (listEntries.ts)', () => {
  it('finds exactly the entries JSON.parse finds, in any envelope and layout', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.dictionary(tricky, value, { maxKeys: 3 }), layout, (list, extra, indent) => {
        const answer = { ...extra, success: true, errors: [], result: list, result_info: { page: 1, count: list.length } };
        const text = JSON.stringify(answer, undefined, indent);
        const split = splitListAnswer(text);
        assert.ok(split, text);
        const pieces = Array.from({ length: split.spans.length / 2 }, (_, index) =>
          JSON.parse(text.slice(split.spans[2 * index], split.spans[2 * index + 1])),
        );
        assert.deepEqual(pieces, JSON.parse(text).result);
        assert.deepEqual(JSON.parse(split.envelope), { ...JSON.parse(text), result: [] });
      }),
    );
  });

  it('leaves unread exactly the one non-empty string value of the key in an object directly inside each entry', () => {
    // The key's value, anything JSON holds; where the key sits: an object inside the entry, the entry
    // itself, an object two levels down, or two objects inside the entry.
    const keyed = fc.tuple(entry, value, fc.constantFrom('inside', 'entry', 'deeper', 'twice'), fc.constantFrom(undefined, 2));
    fc.assert(
      fc.property(fc.array(keyed, { maxLength: 6 }), layout, (list, indent) => {
        const result = list.map(([base, certificate, where]) => {
          const ssl = { status: 'active', custom_certificate: certificate };
          return where === 'inside'
            ? { ...base, ssl }
            : where === 'entry'
              ? { ...base, custom_certificate: certificate }
              : where === 'deeper'
                ? { ...base, outer: { ssl } }
                : { ...base, ssl, other: ssl };
        });
        const text = JSON.stringify({ success: true, errors: [], result }, undefined, indent);
        const split = splitListAnswer(text, 'custom_certificate');
        assert.ok(split?.unread, text);
        const read = lazyEntries<Record<string, unknown>>(
          text,
          split.spans,
          { method: 'GET', path: '/', needs: 'Zone: Read' },
          split.unread,
        );
        result.forEach((expected, index) => {
          const [, certificate, where] = list[index];
          const unread = where === 'inside' && typeof certificate === 'string' && certificate.length > 0;
          const ssl = (expected as { ssl?: object }).ssl;
          const want = unread ? { ...expected, ssl: { ...ssl, custom_certificate: UNREAD_VALUE } } : expected;
          assert.deepEqual(read.at(index), JSON.parse(JSON.stringify(want)), text);
        });
      }),
    );
  });

  it('declines a list that is not a list of objects, or not JSON, so the answer is read whole', () => {
    for (const text of [
      '{"success":true,"result":[1,{"id":"a"}]}',
      '{"success":true,"result":[{"id":"a"},"b"]}',
      '{"success":true,"result":[[{"id":"a"}]]}',
      '{"success":true,"result":[{"id":"a"},]}',
      '{"success":true,"result":[{"id":"a"}{"id":"b"}]}',
      '{"success":true,"result":[,{"id":"a"}]}',
      '{"success":true,"result":[{"id":"a"}',
      '{"success":true,"result":{"id":"a"}}',
      '{"success":true,"result":"[{\\"id\\":1}]"}',
    ]) {
      assert.equal(splitListAnswer(text), undefined, text);
    }
  });

  it('gives the same entries, counts and errors as the page read whole', async () => {
    const page = {
      success: true,
      errors: [],
      messages: [],
      result: [{ id: 'a', hostname: 'a.example' }, { id: 'b' }],
      result_info: { count: 2 },
    };
    for (const body of [JSON.stringify(page), JSON.stringify({ ...page, result: [] }), JSON.stringify({ ...page, result: null })]) {
      const whole = await answering(body).listCustomHostnamesPage('z', 1, 1000);
      const read = await answering(body).listCustomHostnameEntries('z', 1, 1000);
      assert.deepEqual(entries(read.entries), whole.items);
      assert.deepEqual(read.resultInfo, whole.resultInfo);
    }
    // A second "result" key is the one JSON.parse keeps: the answer is then read whole.
    const twice = '{"success":true,"errors":[],"result":[{"id":"first"}],"result":[{"id":"second"}]}';
    assert.deepEqual(entries((await answering(twice).listCustomHostnameEntries('z', 1, 1000)).entries), [{ id: 'second' }]);
    for (const [body, status] of [
      ['{"success":false,"errors":[{"code":1003,"message":"Invalid zone"}],"result":[]}', 400],
      ['<html>502</html>', 200],
      ['{"success":true,"result":[1]}', 200],
    ] as const) {
      const expected = await answering(body, status)
        .listCustomHostnamesPage('z', 1, 1000)
        .catch((error: Error) => error);
      const got = await answering(body, status)
        .listCustomHostnameEntries('z', 1, 1000)
        .catch((error: Error) => error);
      assert.ok(expected instanceof Error && got instanceof Error, body);
      assert.equal(got.constructor, expected.constructor, body);
      assert.equal(got.message, expected.message, body);
    }
  });

  it('says an entry that is not JSON is an unreadable answer when it is read', async () => {
    const read = await answering('{"success":true,"result":[{"id":"a"},{"id":}]}').listCustomHostnameEntries('z', 1, 1000);
    assert.deepEqual(read.entries.at(0), { id: 'a' });
    assert.throws(() => read.entries.at(1), MalformedResponseError);
  });
});
