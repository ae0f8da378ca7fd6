/**
 * Finds PEM written base64-encoded inside YAML and JSON values: a Kubernetes Secret's `data:` keys
 * (`tls.crt`, `tls.key`, `ca.crt`), Helm values, any JSON string. Runs on every open document, so it
 * only looks where the text holds the encoding of "-----BEGIN", and its work is bounded.
 */

/** "-----BEGIN" base64-encoded from the first byte of a value, as every encoded PEM starts. */
export const ENCODED_BEGIN = 'LS0tLS1CRUdJTi';

/** A value larger than this is not a certificate bundle anyone keeps in a manifest; it is skipped. */
export const MAX_ENCODED_VALUE_CHARS = 512 * 1024;
/** At most this many encoded values per document are decoded; a few hundred Secrets stay cheap. */
export const MAX_ENCODED_VALUES = 100;

export interface EncodedValue {
  /** Offsets of the encoded value in the source, from its first to past its last base64 character. */
  readonly start: number;
  readonly end: number;
  /** The decoded bytes as Latin-1 text, so that a decoded offset is a byte offset. */
  readonly decoded: string;
  /** Where the base64 that encodes the decoded byte at `offset` starts in the source. */
  sourceStart(offset: number): number;
  /** Where the base64 that encodes the decoded bytes before `offset` ends in the source. */
  sourceEnd(offset: number): number;
}

/** One line's run of base64 characters: where it is in the source and where in the joined value. */
interface Segment {
  readonly source: number;
  readonly value: number;
  readonly length: number;
}

const BASE64_CHAR = /[A-Za-z0-9+/=]/;
/** A continuation line of a folded value: base64 only, then at most a closing quote or comma. */
const CONTINUATION = /^[ \t]*([A-Za-z0-9+/]+={0,2})[ \t]*(?:["'],?|,)?[ \t]*$/;

export function findEncodedValues(text: string): EncodedValue[] {
  const values: EncodedValue[] = [];
  for (let at = text.indexOf(ENCODED_BEGIN); at >= 0 && values.length < MAX_ENCODED_VALUES; at = text.indexOf(ENCODED_BEGIN, at + 1)) {
    // Only a value's first character: inside a longer base64 run the PEM would not start at byte 0.
    if (at > 0 && BASE64_CHAR.test(text[at - 1])) {
      continue;
    }
    const { segments, tooLarge } = valueSegments(text, at);
    const last = segments[segments.length - 1];
    // Past the whole value, even one too large to decode: its lines are never scanned again.
    at = last.source + last.length - 1;
    if (!tooLarge) {
      values.push(encodedValue(text, segments));
    }
  }
  return values;
}

/** The value's lines, following YAML folding and block scalars (indented base64 lines, any line ending). */
function valueSegments(text: string, at: number): { segments: Segment[]; tooLarge: boolean } {
  const segments: Segment[] = [];
  let total = 0;
  let position = at;
  for (;;) {
    let end = position;
    while (end < text.length && BASE64_CHAR.test(text[end])) {
      end += 1;
    }
    segments.push({ source: position, value: total, length: end - position });
    total += end - position;
    if (total > MAX_ENCODED_VALUE_CHARS) {
      return { segments, tooLarge: true };
    }
    if (text[end - 1] === '=') {
      return { segments, tooLarge: false };
    }
    const next = nextLine(text, end);
    const line = next === undefined ? null : CONTINUATION.exec(text.slice(next, lineEnd(text, next)));
    if (next === undefined || !line) {
      return { segments, tooLarge: false };
    }
    position = next + line[0].indexOf(line[1]);
  }
}

/** The start of the next line when only blanks stand between `from` and the line break. */
function nextLine(text: string, from: number): number | undefined {
  let index = from;
  while (text[index] === ' ' || text[index] === '\t') {
    index += 1;
  }
  if (text.startsWith('\r\n', index)) {
    return index + 2;
  }
  return text[index] === '\n' || text[index] === '\r' ? index + 1 : undefined;
}

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
    end += 1;
  }
  return end;
}

function encodedValue(text: string, segments: readonly Segment[]): EncodedValue {
  const base64 = segments.map((segment) => text.slice(segment.source, segment.source + segment.length)).join('');
  const decoded = Buffer.from(base64, 'base64').toString('latin1');
  /** The source offset of the value's `index`th base64 character. */
  const sourceOf = (index: number): number => {
    let segment = segments[0];
    for (const candidate of segments) {
      if (candidate.value > index) {
        break;
      }
      segment = candidate;
    }
    return segment.source + Math.min(index - segment.value, segment.length);
  };
  const last = segments[segments.length - 1];
  return {
    start: segments[0].source,
    end: last.source + last.length,
    decoded,
    // Each 3 bytes are 4 characters: a byte lies in the quartet at floor(offset / 3).
    sourceStart: (offset) => sourceOf(Math.min(Math.floor(offset / 3) * 4, base64.length - 1)),
    sourceEnd: (offset) => sourceOf(Math.max(0, Math.min(Math.ceil(offset / 3) * 4, base64.length) - 1)) + 1,
  };
}
