import fc from 'fast-check';

/**
 * Text generators shared by the PEM and upload properties. Purely random strings almost never hold
 * "-----BEGIN ", so most of the generated text is assembled from PEM-shaped fragments: that is where
 * the scanner's regular expressions and branches are.
 */
const PEM_FRAGMENTS = [
  '-----BEGIN ', '-----END ', '-----', 'CERTIFICATE', 'PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY', 'EC PARAMETERS', '-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----',
  '-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00',
  'MIIB', 'MIIC', 'AAAA', '====', '=', '+/', '\\n', '\\r\\n', '\\/', '\n', '\r\n', '\r', '\uFEFF', ' ', '\t', '"', "'", ',',
  ':', '\\', '\u0000', '\ufffd', '|\n  ', 'key: "', '{"pem":"',
];

/** Text from PEM-shaped fragments and random characters, in any order. */
export const pemishText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PEM_FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) }), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Any text at all: random UTF-16 (lone surrogates included), bytes read as latin1, or PEM-shaped. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 300, unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  pemishText,
);

/**
 * Large inputs made of one short unit repeated: the shape that exposes regular expressions or loops
 * that are quadratic in the length of a run (of newlines, quotes, BEGIN lines without END …).
 */
export const repeatedRun: fc.Arbitrary<{ prefix: string; unit: string; times: number; suffix: string }> = fc.record({
  prefix: fc.constantFrom('', '-----BEGIN CERTIFICATE-----\n', '-----BEGIN PRIVATE KEY-----\\n', '-----BEGIN AB-----'),
  unit: fc.array(fc.constantFrom(...PEM_FRAGMENTS, 'A', 'x'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  times: fc.integer({ min: 1, max: 40_000 }),
  suffix: fc.constantFrom('', 'A', '-----END CERTIFICATE-----', 'x"'),
});

export function expand(run: { prefix: string; unit: string; times: number; suffix: string }): string {
  return `${run.prefix}${run.unit.repeat(run.times)}${run.suffix}`;
}

/** Line endings a PEM can be stored with. */
export type LineEnding = '\n' | '\r\n' | '\r';
export const lineEnding: fc.Arbitrary<LineEnding> = fc.constantFrom('\n', '\r\n', '\r');

export function withLineEndings(pem: string, ending: LineEnding): string {
  return pem.replace(/\r?\n/g, ending);
}

/** Prose around a PEM that cannot itself start or end a block (no dashes, no base64-only lines). */
export const surroundingProse: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom('Server certificate:', '# comment', 'key: |', '\n', '\r\n', ' ', '\uFEFF', 'été ✓', '{"a": 1}'), fc.string({ maxLength: 10 }).map((text) => text.replace(/[-A-Za-z0-9+/=\\]/g, '.'))), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));
