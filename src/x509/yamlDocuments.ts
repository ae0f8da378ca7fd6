import { findPemBlocks } from './pemBlocks';
import { isPrivateKeyBlock } from './privateKey';

/** A YAML document separator line: `---`, optionally followed by a comment or content on the line. */
const SEPARATOR = /^---(?:[ \t].*)?$/gm;

/**
 * The YAML document (between `---` lines) that holds `offset`, when it has a certificate and a
 * private key of its own: a manifest of several Secrets is uploaded one Secret at a time, its
 * `tls.crt` with the `tls.key` beside it. Otherwise the whole text, whose blocks then all count.
 */
export function certificateDocumentAt(text: string, offset: number): { text: string; start: number } {
  let start = 0;
  let end = text.length;
  for (const separator of text.matchAll(SEPARATOR)) {
    const at = separator.index ?? 0;
    if (at + separator[0].length <= offset) {
      start = at + separator[0].length;
    } else if (at > offset) {
      end = at;
      break;
    }
  }
  if (start === 0 && end === text.length) {
    return { text, start: 0 };
  }
  const part = text.slice(start, end);
  const blocks = findPemBlocks(part);
  const complete = blocks.some((block) => block.label === 'CERTIFICATE') && blocks.some(isPrivateKeyBlock);
  return complete ? { text: part, start } : { text, start: 0 };
}
