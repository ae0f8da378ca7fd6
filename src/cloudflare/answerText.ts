import { isAscii } from 'node:buffer';
import type { FetchResponse } from './fetchLike';
import { sharedLoopShare, type LoopShare } from './loopShare';

/**
 * An answer as it arrived: its bytes, in the pieces the socket gave, or its text from `text()` when
 * the body cannot be read piece by piece (a test double).
 */
export type ReceivedAnswer = { readonly pieces: readonly Uint8Array[]; readonly length: number } | string;

/**
 * Gathers an answer's bytes without decoding them. Bytes live outside V8's heap; text decoded as it
 * arrived lived in its young generation, and with eight pages of 1.9 MB in flight during a scan every
 * scavenge copied megabytes of it (pauses of up to 15 ms, the scan's longest).
 */
export async function receiveAnswer(response: FetchResponse): Promise<ReceivedAnswer> {
  const body = response.body as Partial<AsyncIterable<Uint8Array>> | null | undefined;
  if (typeof body?.[Symbol.asyncIterator] !== 'function') {
    return response.text();
  }
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of body as AsyncIterable<Uint8Array>) {
    pieces.push(piece);
    length += piece.length;
  }
  return { pieces, length };
}

/** Answers at least this large (a page of about 130 custom hostnames) wait for a turn of their own. */
const LARGE_ANSWER_BYTES = 256 * 1024;

/**
 * An answer's text, as `text()` would decode it. A large answer waits for the turn's budget
 * (loopShare.ts), so pages that arrive together are decoded in turns of their own. An answer of plain
 * ASCII (ids, hostnames in their ASCII form, dates and PEM are; a field such as custom metadata may
 * not be) is read as Latin-1, which for ASCII is the same text: Node copies it without decoding, and
 * keeps a string above about 1 MB (a page of 1,000 custom hostnames) outside V8's heap, where no
 * collection copies it.
 */
export async function answerText(received: ReceivedAnswer, loop: Pick<LoopShare, 'pace'> = sharedLoopShare): Promise<string> {
  if (typeof received === 'string') {
    return received;
  }
  if (received.length >= LARGE_ANSWER_BYTES) {
    await loop.pace();
  }
  const { pieces, length } = received;
  const bytes = pieces.length === 1 ? Buffer.from(pieces[0].buffer, pieces[0].byteOffset, length) : Buffer.concat(pieces, length);
  if (isAscii(bytes)) {
    return bytes.toString('latin1');
  }
  // Malformed bytes become U+FFFD, and a byte-order mark at the start is dropped, as text() does.
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
