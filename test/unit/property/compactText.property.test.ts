import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { packDate, unpackDate, unpackDateMs } from '../../../src/model/compactText';

/** Any instant from 1970 to 9999 (after its first second, which packs to 0 and stays text), as Cloudflare writes it. */
const instant = fc.date({ min: new Date(1_000), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
const isoWithMs = instant.map((date) => date.toISOString());
const isoWithoutMs = instant.map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** An ISO text with one character changed: an impossible field, a wrong separator, a letter for a digit. */
const nearlyIso = fc
  .tuple(fc.oneof(isoWithMs, isoWithoutMs), fc.nat(), fc.constantFrom('0', '3', '9', '-', ':', 'T', '.', 'Z', 'a', ' ', '/'))
  .map(([text, at, character]) => {
    const index = at % text.length;
    return text.slice(0, index) + character + text.slice(index + 1);
  });

describe('packDate: dates packed as numbers give back exactly the text Cloudflare sent', () => {
  it('packs every ISO instant to a number, which reads back as the same text and the same time', () => {
    fc.assert(
      fc.property(fc.oneof(isoWithMs, isoWithoutMs), (text) => {
        const packed = packDate(text);
        assert.equal(typeof packed, 'number', `${text} was kept as text`);
        assert.equal(unpackDate(packed), text);
        assert.equal(unpackDateMs(packed), Date.parse(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives back any other text unchanged, whether it packs or not (impossible days, odd separators, any string)', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyIso, fc.string(), fc.string({ minLength: 24, maxLength: 24 })), (text) => {
        assert.equal(unpackDate(packDate(text)), text);
      }),
      { numRuns: 10_000 },
    );
  });

  it('keeps as text what is no instant: 31 February, hour 24, a space for the T, before 1970', () => {
    for (const text of ['2026-02-31T01:29:50.000Z', '2026-12-17T24:00:00Z', '2026-12-17 01:29:50.123Z', '1969-12-31T23:59:59.000Z']) {
      assert.equal(packDate(text), text);
    }
  });
});
