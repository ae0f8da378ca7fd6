import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import { MalformedResponseError } from '../../../src/cloudflare/errors';
import type { ListEntries } from '../../../src/cloudflare/listEntries';
import { lazyEntries, splitListAnswer, UNREAD_VALUE, type UnreadKey } from '../../../src/cloudflare/listEntries';

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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The model of what an entry reads as with `unread` left unread: a non-empty string value reads as
 * UNREAD_VALUE, an object as {}; keys inside an unread object are not looked at; an entry holding
 * one of the keys twice (at its depth) reads whole.
 */
function expectedRead(entry: Record<string, unknown>, unread: readonly UnreadKey[]): unknown {
  const named = (key: string, depth: number) => unread.some((one) => one.key === key && one.depth === depth);
  const cut = (value: unknown) => (typeof value === 'string' && value.length > 0 ? UNREAD_VALUE : isObject(value) ? {} : value);
  const cutsObject = (key: string) => named(key, 0) && isObject(entry[key]);
  const inside = Object.keys(entry).filter((key) => isObject(entry[key]) && !cutsObject(key));
  const twice = unread.some((one) => one.depth === 1 && inside.filter((key) => Object.hasOwn(entry[key] as object, one.key)).length > 1);
  if (twice) {
    return entry;
  }
  const read: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    const cutInside = isObject(value) && !cutsObject(key);
    read[key] = named(key, 0)
      ? cut(value)
      : cutInside
        ? Object.fromEntries(Object.entries(value).map(([inner, innerValue]) => [inner, named(inner, 1) ? cut(innerValue) : innerValue]))
        : value;
  }
  return read;
}

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

  it('leaves unread exactly the values of the named keys at their depth, as JSON.parse would read them', () => {
    const unread: readonly UnreadKey[] = [
      { key: 'custom_certificate', depth: 1 },
      { key: 'settings', depth: 1 },
      { key: 'ownership_verification', depth: 0 },
    ];
    // The named keys among the others, anywhere: in the entry, inside its objects, deeper, in arrays, twice.
    const key = fc.oneof(tricky, fc.constantFrom(...unread.map((named) => named.key)));
    const keyedValue = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(tricky, fc.constant('')),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 2 }),
        fc.dictionary(key, tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    const keyedEntry = fc.dictionary(key, keyedValue, { maxKeys: 4 });
    fc.assert(
      fc.property(fc.array(keyedEntry, { maxLength: 6 }), layout, (list, indent) => {
        const text = JSON.stringify({ success: true, errors: [], result: list }, undefined, indent);
        const split = splitListAnswer(text, unread);
        assert.ok(split, text);
        const read = lazyEntries<unknown>(text, split, { method: 'GET', path: '/', needs: 'Zone: Read' });
        // As plain objects (fast-check's dictionaries have no prototype).
        const plain = JSON.parse(text).result as Record<string, unknown>[];
        plain.forEach((entry, index) => assert.deepEqual(read.at(index), expectedRead(entry, unread), text));
      }),
    );
  });

  it('reads an entry holding a named key twice whole, and declines an unread object closed by "]"', () => {
    const unread: readonly UnreadKey[] = [
      { key: 'custom_certificate', depth: 1 },
      { key: 'ownership_verification', depth: 0 },
    ];
    const request = { method: 'GET', path: '/', needs: 'Zone: Read' } as const;
    const twice = '{"result":[{"ssl":{"custom_certificate":"a","custom_certificate":"b"},"ownership_verification":{"x":1}}]}';
    const split = splitListAnswer(twice, unread);
    assert.ok(split);
    assert.deepEqual(lazyEntries(twice, split, request).at(0), JSON.parse(twice).result[0]);
    // Counted brackets would close the object here, and what the entry reads as would be JSON.
    for (const text of ['{"result":[{"ownership_verification":{"a":1]}]}', '{"result":[{"ssl":{"settings":{"a":[}]}}]}']) {
      assert.throws(() => JSON.parse(text), SyntaxError);
      assert.equal(splitListAnswer(text, [...unread, { key: 'settings', depth: 1 }]), undefined, text);
    }
  });

  it('reads each entry as JSON.parse does, in any order, across batches, and throws only for the one that is not JSON', () => {
    const request = { method: 'GET', path: '/', needs: 'Zone: Read' } as const;
    const small = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.integer(), tricky), { maxKeys: 2 });
    fc.assert(
      fc.property(
        fc.array(small, { minLength: 1, maxLength: 45 }),
        fc.nat(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 60 }),
        (list, brokenAt, broken, order) => {
          const texts = list.map((entry) => JSON.stringify(entry));
          const bad = broken ? brokenAt % texts.length : -1;
          if (bad >= 0) {
            texts[bad] = '{"a":}';
          }
          const text = `{"success":true,"result":[${texts.join(',')}]}`;
          const split = splitListAnswer(text);
          assert.ok(split, text);
          const read = lazyEntries<unknown>(text, split, request);
          for (const index of [...order.map((at) => at % texts.length), ...texts.keys()]) {
            if (index === bad) {
              assert.throws(() => read.at(index), MalformedResponseError);
            } else {
              assert.deepEqual(read.at(index), JSON.parse(texts[index]));
            }
          }
        },
      ),
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
