import * as l10n from '@vscode/l10n';
import { ENCODED_BEGIN, findEncodedValues } from './encodedPem';

/**
 * Finds PEM blocks in any text: .pem files, YAML block scalars, Terraform heredocs, JSON strings
 * where line breaks are written as "\n", and base64-encoded PEM in YAML and JSON values (Kubernetes
 * Secrets). Cheap and dependency-free, because it runs on every open document; parsing what a block
 * holds is the lazily loaded parser's job.
 */
export interface PemBlock {
  /** "CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PARAMETERS", … */
  readonly label: string;
  /** Offsets into the source text covering BEGIN … END (to the end of the body when END is missing). */
  readonly start: number;
  readonly end: number;
  /** Normalised: LF line endings, no indentation, base64 wrapped at 64, trailing newline. */
  readonly pem: string;
  /** The decoded body; undefined when it is not valid base64. */
  readonly der?: Uint8Array;
  /** RFC 1421 headers, e.g. Proc-Type and DEK-Info of legacy encrypted keys. */
  readonly headers: Readonly<Record<string, string>>;
  /** Found inside a string with literal \n escapes (JSON, some .env files). */
  readonly escaped: boolean;
  /**
   * Found base64-encoded in a value (a Kubernetes Secret's data): start and end then cover the
   * base64 that encodes the block, and rewriting the text there means encoding again.
   */
  readonly encoded?: 'base64';
  /** What is wrong with the block, in words. */
  readonly problem?: string;
  /** No END line was found: the text is cut short (told apart without reading the translated words). */
  readonly truncated?: true;
}

const BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 ]*[A-Z0-9])-----/g;
const END = /-----END ([A-Z0-9][A-Z0-9 ]*[A-Z0-9])-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export { hasPemBlock } from './pemMarkers';

/** Text that is really binary (DER read as text): NUL or other control bytes near the start. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 2048);
  // eslint-disable-next-line no-control-regex
  const controls = head.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g)?.length ?? 0;
  return controls > 0 && controls / Math.max(1, head.length) > 0.01;
}

export function findPemBlocks(text: string): PemBlock[] {
  const plain = findPlainPemBlocks(text);
  if (!text.includes(ENCODED_BEGIN)) {
    return plain;
  }
  // An encoded value inside a plain block's body is that block's base64, not a value of its own.
  const outside = findEncodedValues(text).filter((value) => !plain.some((block) => block.start < value.end && value.start < block.end));
  const encoded = outside.flatMap((value) => {
    const mapped = findPlainPemBlocks(value.decoded).map((block): PemBlock => ({
      ...block,
      start: value.sourceStart(block.start),
      end: value.sourceEnd(block.end),
      encoded: 'base64',
    }));
    // The characters that encode only the bytes between two blocks (a line break) belong to the first:
    // any position of the encoded value up to the last END then hovers a block.
    return mapped.map((block, index) =>
      index + 1 < mapped.length ? { ...block, end: Math.max(block.end, mapped[index + 1].start) } : block,
    );
  });
  return encoded.length === 0 ? plain : [...plain, ...encoded].sort((a, b) => a.start - b.start);
}

function findPlainPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const begins = [...text.matchAll(BEGIN)];
  for (const [index, begin] of begins.entries()) {
    const label = begin[1];
    const start = begin.index ?? 0;
    const bodyStart = start + begin[0].length;
    const limit = index + 1 < begins.length ? (begins[index + 1].index ?? text.length) : text.length;
    // Only up to the next BEGIN: searching the rest of the text for every block made a document of
    // many BEGIN lines without END lines quadratic (seconds for a few hundred kilobytes).
    const region = text.slice(bodyStart, limit);
    END.lastIndex = 0;
    const end = END.exec(region);
    if (end) {
      const body = region.slice(0, end.index);
      const mismatch = end[1] === label ? undefined : l10n.t('The block begins as {0} but ends as {1}.', label, end[1]);
      blocks.push(decodeBlock(label, body, start, bodyStart + end.index + end[0].length, mismatch));
    } else {
      const body = bodyRun(text.slice(bodyStart, limit));
      const cutShort = l10n.t('The {0} block has no END line (is the file cut short?).', label);
      blocks.push({ ...decodeBlock(label, body, start, bodyStart + body.length, cutShort), truncated: true });
    }
  }
  return blocks;
}

/** Without an END line, the body is the run of base64-looking lines after BEGIN. */
function bodyRun(rest: string): string {
  const match = /^(?:(?:\\r\\n|\\n|\r?\n)?[ \t]*[A-Za-z0-9+/=]+[ \t]*)*/.exec(rest);
  return match ? match[0] : '';
}

function decodeBlock(label: string, rawBody: string, start: number, end: number, problem: string | undefined): PemBlock {
  const escaped = /\\n/.test(rawBody) && !hasRealBase64Line(rawBody);
  const body = escaped ? rawBody.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\\\//g, '/') : rawBody;
  const headers: Record<string, string> = {};
  const base64Lines: string[] = [];
  for (const line of body.split(/\r?\n|\r/).map((part) => part.trim())) {
    const header = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (header && base64Lines.length === 0) {
      headers[header[1]] = header[2];
    } else if (line) {
      base64Lines.push(trimQuotes(line));
    }
  }
  const base64 = base64Lines.join('');
  let der: Uint8Array | undefined;
  let damage = problem;
  if (base64.length === 0) {
    damage ??= l10n.t('The {0} block is empty.', label);
  } else if (!BASE64.test(base64) || base64.length % 4 === 1) {
    damage ??= l10n.t('The {0} block is not valid base64 (damaged or cut short).', label);
  } else {
    der = new Uint8Array(Buffer.from(base64, 'base64'));
  }
  const headerText = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\n`)
    .join('');
  const wrapped = (base64.match(/.{1,64}/g) ?? []).join('\n');
  const pem = `-----BEGIN ${label}-----\n${headerText}${headerText ? '\n' : ''}${wrapped}\n-----END ${label}-----\n`;
  return { label, start, end, pem, der: damage ? undefined : der, headers, escaped, ...(damage ? { problem: damage } : {}) };
}

/**
 * Whether a line after a real line break starts with base64 (then the block is not \n-escaped).
 * Line by line, because the equivalent /\n\s*[A-Za-z0-9+/]{16,}/ rescans a run of blank lines from
 * each of its newlines: quadratic, seconds for a body of a few ten thousand newlines.
 */
function hasRealBase64Line(body: string): boolean {
  return body
    .split('\n')
    .slice(1)
    .some((line) => /^[A-Za-z0-9+/]{16}/.test(line.trimStart()));
}

/** The quote in front and the quotes and commas at the end of a line in YAML or JSON, in linear time. */
function trimQuotes(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === '"' || line[end - 1] === "'" || line[end - 1] === ',')) {
    end -= 1;
  }
  const start = line[0] === '"' || line[0] === "'" ? 1 : 0;
  return line.slice(start, Math.max(start, end));
}
