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
}

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
 */
export function splitListAnswer(text: string): SplitAnswer | undefined {
  let depth = 0;
  let index = 0;
  let listStart = -1;
  let entryStart = -1;
  /** Inside the list, between entries: whether an entry may start here (after '[' or a comma). */
  let expectEntry = false;
  const spans: number[] = [];
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const inList = listStart >= 0 && depth === 2;
    if (code === QUOTE) {
      const start = index;
      index = stringEnd(text, index);
      if (index < 0 || (inList && entryStart < 0)) {
        return undefined;
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
      }
      depth += 1;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
      if (listStart >= 0 && depth === 2 && entryStart >= 0) {
        spans.push(entryStart, index + 1);
        entryStart = -1;
      } else if (listStart >= 0 && depth === 1 && code === CLOSE_ARRAY && entryStart < 0) {
        // A trailing comma ("[{…},]") is not JSON.
        if (expectEntry && spans.length > 0) {
          return undefined;
        }
        return { envelope: `${text.slice(0, listStart)}[]${text.slice(index + 1)}`, spans };
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

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) {
    index += 1;
  }
  return index;
}

/** The entries of a split answer, each parsed when read; an unreadable one is the usual malformed-answer error. */
export function lazyEntries<T>(text: string, spans: readonly number[], request: RequestDescription): ListEntries<T> {
  return {
    length: spans.length / 2,
    at(index: number): T {
      try {
        return JSON.parse(text.slice(spans[2 * index], spans[2 * index + 1])) as T;
      } catch (error) {
        throw failureToError(request, 'malformed', 'a list entry is not JSON', error);
      }
    },
  };
}
