import fc from 'fast-check';

/**
 * Text generators shared by the PEM and upload properties. Purely random strings almost never hold
 * "-----BEGIN ", so most of the generated text is assembled from PEM-shaped fragments: that is where
 * the scanner's regular expressions and branches are.
 */
const PEM_FRAGMENTS = [
  '-----BEGIN ',
  '-----END ',
  '-----',
  'CERTIFICATE',
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'EC PARAMETERS',
  '-----BEGIN CERTIFICATE-----',
  '-----END CERTIFICATE-----',
  '-----BEGIN PRIVATE KEY-----',
  '-----END PRIVATE KEY-----',
  'Proc-Type: 4,ENCRYPTED',
  'DEK-Info: AES-128-CBC,00',
  'MIIB',
  'MIIC',
  'AAAA',
  '====',
  '=',
  '+/',
  '\\n',
  '\\r\\n',
  '\\/',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  ' ',
  '\t',
  '"',
  "'",
  ',',
  ':',
  '\\',
  '\u0000',
  '\ufffd',
  '|\n  ',
  'key: "',
  '{"pem":"',
];

/** Text from PEM-shaped fragments and random characters, in any order. */
export const pemishText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PEM_FRAGMENTS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
    ),
    { maxLength: 60 },
  )
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
export interface Run {
  readonly prefix: string;
  readonly unit: string;
  readonly times: number;
  readonly suffix: string;
}

/** A BEGIN line before the run and what follows it: an END line makes the run a body that is decoded. */
const FRAMES: readonly (readonly [string, string])[] = [
  ['', ''],
  ['', 'A'],
  ['-----BEGIN CERTIFICATE-----\n', '-----END CERTIFICATE-----'],
  ['-----BEGIN CERTIFICATE-----\n', 'A\n-----END CERTIFICATE-----'],
  ['-----BEGIN PRIVATE KEY-----\\n', '=\n-----END PRIVATE KEY-----'],
  ['"-----BEGIN AB-----\\nMIIB', 'x"\n-----END AB-----'],
  ['-----BEGIN AB-----', 'x"'],
  ['-----BEGIN CERTIFICATE-----\n', ''],
];

export const repeatedRun: fc.Arbitrary<Run> = fc
  .record({
    frame: fc.constantFrom(...FRAMES),
    // Runs of one kind of character first: blank lines, quotes, BEGIN lines are where quadratic scans hide.
    unit: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          '\n',
          '\r\n',
          ' \n',
          '\t',
          '"',
          "'",
          ',',
          '",',
          '\\n',
          '-----BEGIN AB-----\n',
          '-----BEGIN CERTIFICATE-----',
          'AAAA\n',
          '-----END AB-----',
        ),
      },
      {
        weight: 1,
        arbitrary: fc.array(fc.constantFrom(...PEM_FRAGMENTS, 'A', 'x'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
      },
    ),
    // Long enough that a quadratic scan of even a short unit takes measurable time.
    times: fc.integer({ min: 2_000, max: 8_000 }),
  })
  .map(({ frame, unit, times }) => ({ prefix: frame[0], unit, times, suffix: frame[1] }));

export function expand(run: Run): string {
  return `${run.prefix}${run.unit.repeat(run.times)}${run.suffix}`;
}

/** Line endings a PEM can be stored with. */
export type LineEnding = '\n' | '\r\n' | '\r';
export const lineEnding: fc.Arbitrary<LineEnding> = fc.constantFrom('\n', '\r\n', '\r');

/** Prose around a PEM that cannot itself start or end a block (no dashes, no base64-only lines). */
export const surroundingProse: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('Server certificate:', '# comment', 'key: |', '\n', '\r\n', ' ', '\uFEFF', 'été ✓', '{"a": 1}'),
      fc.string({ maxLength: 10 }).map((text) => text.replace(/[-A-Za-z0-9+/=\\]/g, '.')),
    ),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));
