import { failureToError, type RequestDescription } from './errors';

/**
 * A list answer whose entries are parsed one at a time, as they are read. A page of 1,000 custom
 * hostnames is 1.9 MB of JSON: parsed whole, it blocks the (shared) extension host for the whole parse
 * and keeps 1,000 API objects alive together, so every young-generation collection copies them all.
 * Read entry by entry, each API object dies as soon as its slim record is built, and the reader can
 * give the event loop back between entries.
 */
export interface ListEntries<T> {
  readonly length: number;
  at(index: number): T;
}

/** An already parsed list as entries (answers that could not be split, and test doubles). */
export function entriesOf<T>(items: readonly T[]): ListEntries<T> {
  return { length: items.length, at: (index) => items[index] };
}

/** The answer with its top-level `result` list taken out, and where each of that list's entries lies. */
export interface SplitAnswer {
  /** The envelope with `"result": []`, for the usual checks of success, errors and result_info. */
  readonly envelope: string;
  /** Start and end offsets of each entry, in pairs. */
  readonly spans: readonly number[];
  /** Per entry, the start and end of the string value left unread (see splitListAnswer), or -1 and -1. */
  readonly unread?: readonly number[];
}

/**
 * What an unread string value reads as: text that is not empty, as the value was. A reader that asks
 * for a value to be left unread learns only that there was one.
 */
export const UNREAD_VALUE = '(not read)';
const UNREAD_JSON = JSON.stringify(UNREAD_VALUE);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * Finds the entries of the envelope's `result` list without parsing them: strings are skipped with
 * indexOf (the PEMs are most of the text), so this costs a fraction of JSON.parse. Undefined for
 * anything but a list of objects separated by single commas; the caller then parses the answer whole
 * and its usual checks say what is wrong. JSON.parse of the envelope and of each entry checks the rest.
 *
 * `unreadKey` names a key of the objects directly inside each entry whose non-empty string value the
 * entries will not parse: a custom hostname's `ssl.custom_certificate`, a third of every entry, which a
 * scan only needs to know is there (the PEM is fetched on its own when a person asks for it, and that
 * answer is read whole). Such a value's quotes are found like any string's; what lies between them is
 * not checked. An entry holding the key twice is parsed whole.
 */
export function splitListAnswer(text: string, unreadKey?: string): SplitAnswer | undefined {
  let depth = 0;
  let index = 0;
  let listStart = -1;
  let entryStart = -1;
  /** Inside the list, between entries: whether an entry may start here (after '[' or a comma). */
  let expectEntry = false;
  const spans: number[] = [];
  const unread: number[] = [];
  /** The current entry's unread value, and how many times its key has been seen in the entry. */
  let unreadStart = -1;
  let unreadEnd = -1;
  let unreadSeen = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const inList = listStart >= 0 && depth === 2;
    if (code === QUOTE) {
      const start = index;
      index = stringEnd(text, index);
      if (index < 0 || (inList && entryStart < 0)) {
        return undefined;
      }
      if (unreadKey && depth === 4 && entryStart >= 0 && isKey(text, start, index, unreadKey)) {
        const open = skipSpace(text, skipSpace(text, index) + 1);
        const close = text.charCodeAt(open) === QUOTE ? stringEnd(text, open) : -1;
        unreadSeen += 1;
        unreadStart = close > open + 2 ? open : -1;
        unreadEnd = close > open + 2 ? close : -1;
        // Found once: the loop goes on after the value rather than find its end a second time.
        index = close > 0 ? close : index;
        continue;
      }
      if (depth === 1 && listStart < 0 && text.slice(start, index) === '"result"') {
        const open = skipSpace(text, skipSpace(text, index) + 1);
        if (text.charCodeAt(skipSpace(text, index)) === COLON && text.charCodeAt(open) === OPEN_ARRAY) {
          listStart = open;
          depth = 2;
          expectEntry = true;
          index = open + 1;
        }
      }
      continue;
    }
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (inList) {
        if (code === OPEN_ARRAY || !expectEntry) {
          return undefined;
        }
        entryStart = index;
        expectEntry = false;
        unreadSeen = 0;
        unreadStart = unreadEnd = -1;
      }
      depth += 1;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
      if (listStart >= 0 && depth === 2 && entryStart >= 0) {
        spans.push(entryStart, index + 1);
        unread.push(unreadSeen === 1 ? unreadStart : -1, unreadSeen === 1 ? unreadEnd : -1);
        entryStart = -1;
      } else if (listStart >= 0 && depth === 1 && code === CLOSE_ARRAY && entryStart < 0) {
        // A trailing comma ("[{…},]") is not JSON.
        if (expectEntry && spans.length > 0) {
          return undefined;
        }
        return { envelope: `${text.slice(0, listStart)}[]${text.slice(index + 1)}`, spans, unread: unreadKey ? unread : undefined };
      }
    } else if (inList && entryStart < 0) {
      if (code === COMMA && !expectEntry && spans.length > 0) {
        expectEntry = true;
      } else if (!isSpace(code)) {
        return undefined;
      }
    }
    index += 1;
  }
  return undefined;
}

/** The offset just past the string that opens at `start`, or -1 when it never closes. */
function stringEnd(text: string, start: number): number {
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

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) {
    index += 1;
  }
  return index;
}

/**
 * The entries of a split answer, each parsed when read; an unreadable one is the usual malformed-answer
 * error. A value the split left unread reads as UNREAD_VALUE.
 */
export function lazyEntries<T>(
  text: string,
  spans: readonly number[],
  request: RequestDescription,
  unread?: readonly number[],
): ListEntries<T> {
  return {
    length: spans.length / 2,
    at(index: number): T {
      const start = spans[2 * index];
      const end = spans[2 * index + 1];
      const skipFrom = unread ? unread[2 * index] : -1;
      try {
        return JSON.parse(
          skipFrom < 0 ? text.slice(start, end) : text.slice(start, skipFrom) + UNREAD_JSON + text.slice(unread![2 * index + 1], end),
        ) as T;
      } catch (error) {
        throw failureToError(request, 'malformed', 'a list entry is not JSON', error);
      }
    },
  };
}
