/**
 * The pieces of splitListAnswer (listEntries.ts) that read JSON text without parsing it: where a
 * string or an object ends, whether a string is a given key, where an unread value lies.
 */

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;

/** A key whose value the entries leave unread (see splitListAnswer). */
export interface UnreadKey {
  readonly key: string;
  /** 0: a key of each entry itself; 1: of the objects directly inside each entry. */
  readonly depth: 0 | 1;
}

export const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** The offset just past the string that opens at `start`, or -1 when it never closes. */
export function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) {
      return -1;
    }
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) {
      backslashes += 1;
    }
    if (backslashes % 2 === 0) {
      return quote + 1;
    }
    from = quote + 1;
  }
}

/** Whether the string from `start` to `end` (quotes included) is `key` followed by a colon. */
function isKey(text: string, start: number, end: number, key: string): boolean {
  return end - start === key.length + 2 && text.startsWith(key, start + 1) && text.charCodeAt(skipSpace(text, end)) === COLON;
}

export function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) {
    index += 1;
  }
  return index;
}

/**
 * Notes in `cuts` the span of the value after the key that ends at `keyEnd` when it is a non-empty
 * string or an object, and gives the offset just past it (past the key for any other value), or -1
 * when it never ends or an object's brackets close with a `]`.
 */
export function cutValue(text: string, keyEnd: number, cuts: number[]): number {
  const open = skipSpace(text, skipSpace(text, keyEnd) + 1);
  const first = text.charCodeAt(open);
  const close = first === QUOTE ? stringEnd(text, open) : first === OPEN_OBJECT ? objectEnd(text, open) : keyEnd;
  if (close > open + 2 || (first === OPEN_OBJECT && close > 0)) {
    cuts.push(open, close);
  }
  return close;
}

/** The offset just past the object that opens at `open`, counting brackets outside strings; -1 as cutValue says. */
function objectEnd(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = stringEnd(text, index);
      if (index < 0) {
        return -1;
      }
      index -= 1;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth += 1;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
      if (depth === 0) {
        return code === CLOSE_OBJECT ? index + 1 : -1;
      }
    }
  }
  return -1;
}

/** Which of `unread` the string from `start` to `end` (quotes included) is, as a key `depth` inside the entry, or -1. */
export function unreadKeyAt(text: string, start: number, end: number, depth: number, unread: readonly UnreadKey[]): number {
  for (let which = 0; which < unread.length; which += 1) {
    if (unread[which].depth === depth && isKey(text, start, end, unread[which].key)) {
      return which;
    }
  }
  return -1;
}
