import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ENCODED_BEGIN } from '../../../src/x509/encodedPem';
import { findPemBlocks } from '../../../src/x509/pemBlocks';
import { decodedValue, encodedDocument } from './encodedEmbedding';
import { materialPool, poolBlocks } from './materialPool';
import { derHex } from './pemEmbedding';

/** What the source holds from `start` to `end`, with the YAML/JSON around the base64 removed, decoded. */
function decodeSlice(text: string, start: number, end: number): string {
  return Buffer.from(text.slice(start, end).replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1');
}

describe('property: base64-encoded PEM in YAML and JSON values is found and mapped back to the encoded text', function () {
  let pems: { label: string; pem: string }[];

  before(async () => {
    pems = poolBlocks(await materialPool());
  });

  it('finds every encoded block, in order, with its bytes, whatever the style, folding and line endings', () => {
    fc.assert(
      fc.property(decodedValue(pems), ({ chosen, inner, prose, style, ending }) => {
        const decoded = chosen.map((entry) => entry.pem.replace(/\n/g, inner)).join(inner);
        const { text, positions } = encodedDocument(prose, decoded, style, ending);
        const found = findPemBlocks(text);
        assert.deepEqual(
          found.map((block) => ({ label: block.label, der: block.der ? Buffer.from(block.der).toString('hex') : block.problem })),
          chosen.map((entry) => ({ label: entry.label, der: derHex(entry.pem) })),
        );
        const valueStart = positions[0];
        const valueEnd = positions[positions.length - 1] + 1;
        assert.equal(found[0].start, valueStart, 'the first block starts where the value starts');
        for (const block of found) {
          assert.equal(block.encoded, 'base64');
          assert.ok(valueStart <= block.start && block.start < block.end && block.end <= valueEnd, `${block.start}-${block.end}`);
          // The range is the block's own base64: decoding it gives back the block's BEGIN and END lines.
          const slice = decodeSlice(text, block.start, block.end);
          assert.ok(slice.includes(`-----BEGIN ${block.label}-----`), `BEGIN within ${block.start}-${block.end}`);
          assert.ok(slice.includes(`-----END ${block.label}-----`), `END within ${block.start}-${block.end}`);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('every character of the encoded value up to the last END lies in a block (any position hovers)', () => {
    fc.assert(
      fc.property(decodedValue(pems), fc.nat(), ({ chosen, inner, prose, style, ending }, pick) => {
        const decoded = chosen.map((entry) => entry.pem.replace(/\n/g, inner)).join(inner);
        const { text, positions } = encodedDocument(prose, decoded, style, ending);
        const found = findPemBlocks(text);
        const lastEnd = found[found.length - 1].end;
        const covered = positions.filter((position) => position < lastEnd);
        const position = covered[pick % covered.length];
        assert.ok(
          found.some((block) => block.start <= position && position < block.end),
          `offset ${position} (${JSON.stringify(text[position])}) is in no block`,
        );
        // The last END line's own characters are inside the last block's range.
        const endLine = decoded.lastIndexOf('-----END');
        assert.ok(positions[Math.floor(endLine / 3) * 4] < lastEnd);
      }),
      { numRuns: 600 },
    );
  });

  it('a value cut short is reported as damaged, never thrown, and still mapped inside the value', () => {
    fc.assert(
      fc.property(decodedValue(pems), fc.nat(), ({ chosen, prose, style, ending }, keep) => {
        const decoded = chosen.map((entry) => entry.pem).join('\n');
        // Cut inside the last block, anywhere from its body to the middle of its END line.
        const body = decoded.indexOf('\n', decoded.lastIndexOf('-----BEGIN')) + 1;
        const cut = decoded.slice(0, body + (keep % (decoded.lastIndexOf('-----END') + 5 - body)));
        const { text, positions } = encodedDocument(prose, cut, style, ending);
        const found = findPemBlocks(text);
        assert.ok(found.length >= 1);
        assert.ok(
          found.some((block) => block.problem !== undefined),
          'the cut block is damaged',
        );
        for (const block of found) {
          assert.ok(positions[0] <= block.start && block.end <= positions[positions.length - 1] + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on text mixed from encoded fragments, and keeps every block inside the text', () => {
    const fragment = fc.oneof(
      fc.constantFrom(ENCODED_BEGIN, 'LS0tLS1FTkQg', '==', '=', '\n', '\r\n', '\r', '  ', '"', "'", ': ', '|\n', '---\n'),
      fc.constantFrom(...pems).map((entry) => Buffer.from(entry.pem).toString('base64').slice(0, 200)),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const block of findPemBlocks(text)) {
          assert.ok(
            0 <= block.start && block.start < block.end && block.end <= text.length,
            `${block.start}-${block.end} of ${text.length}`,
          );
          assert.equal(block.der === undefined, block.problem !== undefined);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
