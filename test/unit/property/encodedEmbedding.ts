import fc from 'fast-check';
import { lineEnding, surroundingProse, type LineEnding } from './textArbitraries';

/**
 * Writes PEM base64-encoded into a YAML or JSON value the ways manifests hold it (a Kubernetes
 * Secret's data on one line, quoted, folded over indented lines, in a block scalar; a JSON string),
 * with any line endings, and records by construction where each base64 character went: the oracle
 * the scanner's ranges are checked against. Lines are at least 16 characters wide: the scanner
 * recognises a value by the encoded "-----BEGIN" on its first line (tools wrap at 64 or 76).
 */
export type ValueStyle =
  | { readonly kind: 'plain' }
  | { readonly kind: 'double-quoted' }
  | { readonly kind: 'single-quoted' }
  | { readonly kind: 'json' }
  | { readonly kind: 'block'; readonly indicator: '|' | '>' | '|-' | '>-'; readonly width: number; readonly indent: number }
  | { readonly kind: 'folded'; readonly width: number; readonly indent: number };

export const valueStyle: fc.Arbitrary<ValueStyle> = fc.oneof(
  fc.constantFrom<ValueStyle>({ kind: 'plain' }, { kind: 'double-quoted' }, { kind: 'single-quoted' }, { kind: 'json' }),
  fc.record({
    kind: fc.constant('block' as const),
    indicator: fc.constantFrom('|' as const, '>' as const, '|-' as const, '>-' as const),
    width: fc.integer({ min: 16, max: 120 }),
    indent: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant('folded' as const), width: fc.integer({ min: 16, max: 120 }), indent: fc.integer({ min: 4, max: 10 }) }),
);

export interface EncodedDocument {
  readonly text: string;
  /** Source offset of each base64 character of the value, in order. */
  readonly positions: readonly number[];
  /** The decoded value: the PEM text that was encoded. */
  readonly decoded: string;
}

function wrap(base64: string, width: number): string[] {
  return base64.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
}

/** A Secret-like document holding `decoded` base64-encoded under `tls.crt`, after some prose. */
export function encodedDocument(prose: string, decoded: string, chosen: ValueStyle, ending: LineEnding): EncodedDocument {
  const base64 = Buffer.from(decoded, 'latin1').toString('base64');
  const head = `${prose}${ending}apiVersion: v1${ending}kind: Secret${ending}type: kubernetes.io/tls${ending}data:${ending}`;
  let text = head;
  const positions: number[] = [];
  const put = (line: string) => {
    for (let index = 0; index < line.length; index += 1) {
      positions.push(text.length + index);
    }
    text += line;
  };
  if (chosen.kind === 'json') {
    text = `${prose}${ending}{"kind": "Secret", "data": {"tls.crt": "`;
    put(base64);
    text += `", "tls.key": ""}}${ending}`;
    return { text, positions, decoded };
  }
  if (chosen.kind === 'plain' || chosen.kind === 'double-quoted' || chosen.kind === 'single-quoted') {
    const quote = chosen.kind === 'plain' ? '' : chosen.kind === 'double-quoted' ? '"' : "'";
    text += `  tls.crt: ${quote}`;
    put(base64);
    text += `${quote}${ending}`;
  } else if (chosen.kind === 'block') {
    text += `  tls.crt: ${chosen.indicator}${ending}`;
    for (const line of wrap(base64, chosen.width)) {
      text += ' '.repeat(chosen.indent + 2);
      put(line);
      text += ending;
    }
  } else {
    const [first, ...rest] = wrap(base64, chosen.width);
    text += '  tls.crt: ';
    put(first);
    text += ending;
    for (const line of rest) {
      text += ' '.repeat(chosen.indent);
      put(line);
      text += ending;
    }
  }
  // The next key ends the value, as in every Secret.
  text += `  tls.key: ""${ending}`;
  return { text, positions, decoded };
}

/** One to three PEMs joined with a line ending, as a `tls.crt` chain or a `ca.crt` bundle holds them. */
export function decodedValue(pems: readonly { label: string; pem: string }[]) {
  return fc.record({
    chosen: fc.array(fc.constantFrom(...pems), { minLength: 1, maxLength: 3 }),
    inner: fc.constantFrom('\n', '\r\n'),
    prose: surroundingProse,
    style: valueStyle,
    ending: lineEnding,
  });
}
