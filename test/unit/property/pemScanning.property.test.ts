import * as assert from 'node:assert/strict';
import { TEST_NOW } from '../../fixtures/testClock';
import fc from 'fast-check';
import { analysePemDocument } from '../../../src/x509/documentAnalysis';
import { findPemBlocks, type PemBlock } from '../../../src/x509/pemBlocks';
import { PemError } from '../../../src/x509/pemError';
import { inspectPrivateKey, isPrivateKeyBlock } from '../../../src/x509/privateKey';
import { materialPool, poolBlocks } from './materialPool';
import { compose, documentParts } from './pemEmbedding';
import { anyText, expand, repeatedRun, type Run } from './textArbitraries';

const NOW = TEST_NOW;

/** What every block the scanner reports must satisfy, whatever the text was. */
function assertWellFormed(text: string, blocks: readonly PemBlock[]): void {
  let previousEnd = 0;
  for (const block of blocks) {
    assert.ok(
      block.start >= previousEnd && block.start < block.end && block.end <= text.length,
      `range ${block.start}-${block.end} of ${text.length}`,
    );
    assert.ok(text.startsWith(`-----BEGIN ${block.label}-----`, block.start), 'a block starts at its BEGIN line');
    assert.equal(block.der === undefined, block.problem !== undefined, 'bytes exactly when there is no problem');
    assert.match(block.pem, /^-----BEGIN [^\r]*-----END [A-Z0-9 ]+-----\n$/s);
    previousEnd = block.end;
  }
}

/** Key parsing's boundary: a result, or a PemError with a reason; nothing else escapes. */
function inspectWithinBoundary(block: PemBlock, passphrase?: string): void {
  try {
    const info = inspectPrivateKey(block, passphrase);
    assert.match(info.spkiSha256, /^[0-9a-f]{64}$/);
  } catch (error) {
    assert.ok(error instanceof PemError, `not a PemError: ${String(error)}`);
  }
}

/** Base64 with a few characters replaced: decodes to damaged DER far more often than random text. */
function mangle(pem: string, edits: readonly { at: number; to: string }[]): string {
  const chars = [...pem];
  const header = pem.indexOf('\n') + 1;
  const footer = pem.lastIndexOf('-----END');
  for (const edit of edits) {
    const at = header + (edit.at % Math.max(1, footer - header));
    chars[at] = edit.to;
  }
  return chars.join('');
}

describe('property: PEM scanning and key parsing stay within their boundary', function () {
  let pems: { label: string; pem: string }[];

  before(async () => {
    pems = poolBlocks(await materialPool());
  });

  it('findPemBlocks returns well-formed blocks for any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assertWellFormed(text, findPemBlocks(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('analysePemDocument and inspectPrivateKey never throw past their boundary on any text', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), (text, passphrase) => {
        const analysis = analysePemDocument(text, NOW, 30);
        assertWellFormed(text, analysis.blocks);
        analysis.blocks.filter(isPrivateKeyBlock).forEach((block) => inspectWithinBoundary(block, passphrase));
      }),
      { numRuns: 3000 },
    );
  });

  it('real certificates and keys with mangled base64 are reported, not thrown', () => {
    const edit = fc.record({ at: fc.nat(), to: fc.constantFrom('A', '/', '+', '=', '*', ' ', '\n', '\\n', '-', '') });
    fc.assert(
      fc.property(
        fc.constantFrom(...pems),
        fc.constantFrom(...pems),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (damaged, companion, edits) => {
          const text = `${mangle(damaged.pem, edits)}${companion.pem}`;
          const analysis = analysePemDocument(text, NOW, 30);
          assertWellFormed(text, analysis.blocks);
          analysis.blocks.filter(isPrivateKeyBlock).forEach((block) => inspectWithinBoundary(block, 'guess'));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('huge runs of PEM fragments are scanned in time that grows linearly with their length', function () {
    // Four times the input may take about four times as long, not sixteen: comparing the two keeps
    // the check independent of the machine's speed. CPU time, not wall time: on a shared machine the
    // process is descheduled at random, which says nothing of the scanner. A spike (a collection) is
    // measured again before it counts.
    this.timeout(120_000);
    const scanMs = (text: string) => {
      const started = process.cpuUsage();
      assertWellFormed(text, findPemBlocks(text));
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1e3;
    };
    const measure = (run: Run) => ({ small: scanMs(expand(run)), large: scanMs(expand({ ...run, times: run.times * 4 })) });
    const linear = ({ small, large }: { small: number; large: number }) => large <= 10 * small + 25;
    fc.assert(
      fc.property(repeatedRun, (run) => {
        let timing = measure(run);
        if (!linear(timing)) {
          const again = [timing, measure(run), measure(run), measure(run), measure(run)];
          timing = { small: Math.min(...again.map((entry) => entry.small)), large: Math.min(...again.map((entry) => entry.large)) };
        }
        assert.ok(
          linear(timing),
          `${timing.large.toFixed(0)} ms for 4x the input that took ${timing.small.toFixed(0)} ms (${expand(run).length} characters)`,
        );
      }),
      { numRuns: 80 },
    );
  });

  it('finds every valid PEM with its exact offsets and bytes, whatever surrounds it', () => {
    fc.assert(
      fc.property(documentParts(pems), ({ parts, trailer }) => {
        const { text, placed } = compose(parts, trailer);
        const found = findPemBlocks(text);
        assert.deepEqual(
          found.map((block) => ({
            label: block.label,
            start: block.start,
            end: block.end,
            der: block.der ? Buffer.from(block.der).toString('hex') : block.problem,
          })),
          placed,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
