import fc from 'fast-check';
import { lineEnding, surroundingProse, type LineEnding } from './textArbitraries';

/**
 * Places valid PEMs in a document the way people store them (plain with any line endings, a JSON
 * string with \n escapes, a YAML block scalar) and records, by construction, where each block's
 * BEGIN starts and its END line ends: the oracle the scanner's offsets are checked against.
 */
export type Style =
  | { readonly kind: 'plain'; readonly endings: readonly LineEnding[] }
  | { readonly kind: 'json'; readonly escapeSlashes: boolean }
  | { readonly kind: 'yaml'; readonly indent: number; readonly ending: LineEnding };

export const style: fc.Arbitrary<Style> = fc.oneof(
  fc.record({ kind: fc.constant('plain' as const), endings: fc.array(lineEnding, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('json' as const), escapeSlashes: fc.boolean() }),
  fc.record({ kind: fc.constant('yaml' as const), indent: fc.integer({ min: 1, max: 8 }), ending: lineEnding }),
);

export interface Placed {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly der: string;
}

/** The base64 body of a canonical PEM, decoded: what the scanner must recover, whatever the wrapping. */
export function derHex(pem: string): string {
  const body = pem.split('\n').filter((line) => line && !line.startsWith('-----'));
  return Buffer.from(body.join(''), 'base64').toString('hex');
}

/** One PEM written in a style, and the span from its BEGIN to the end of its END line. */
function write(pem: string, label: string, chosen: Style): { text: string; start: number; end: number } {
  const lines = pem.trimEnd().split('\n');
  const footer = `-----END ${label}-----`;
  if (chosen.kind === 'plain') {
    const text = lines.map((line, index) => `${line}${chosen.endings[index % chosen.endings.length]}`).join('');
    return { text, start: 0, end: text.lastIndexOf(footer) + footer.length };
  }
  if (chosen.kind === 'json') {
    const json = JSON.stringify(`${lines.join('\n')}\n`);
    const text = `{"pem": ${chosen.escapeSlashes ? json.replace(/\//g, '\\/') : json}}`;
    return { text, start: text.indexOf('-----BEGIN'), end: text.lastIndexOf(footer) + footer.length };
  }
  const pad = ' '.repeat(chosen.indent);
  const text = `pem: |${chosen.ending}${lines.map((line) => `${pad}${line}${chosen.ending}`).join('')}`;
  return { text, start: text.indexOf('-----BEGIN'), end: text.lastIndexOf(footer) + footer.length };
}

/** A document of prose and PEMs, with where each PEM is. */
export function compose(
  parts: readonly { prose: string; pem: { label: string; pem: string }; style: Style }[],
  trailer: string,
): { text: string; placed: Placed[] } {
  let text = '';
  const placed: Placed[] = [];
  for (const part of parts) {
    // A newline between prose and the next block, as any file has; the BEGIN offset is still exact.
    text += `${part.prose}\n`;
    const written = write(part.pem.pem, part.pem.label, part.style);
    placed.push({ label: part.pem.label, start: text.length + written.start, end: text.length + written.end, der: derHex(part.pem.pem) });
    text += `${written.text}\n`;
  }
  return { text: `${text}${trailer}`, placed };
}

/** Parts for compose(), drawing PEMs from a fixed list of real ones. */
export function documentParts(pems: readonly { label: string; pem: string }[]) {
  return fc.record({
    parts: fc.array(fc.record({ prose: surroundingProse, pem: fc.constantFrom(...pems), style }), { minLength: 1, maxLength: 4 }),
    trailer: surroundingProse,
  });
}
