import { failureToError, type RequestDescription } from './errors';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  cutValue,
  isSpace,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  skipSpace,
  stringEnd,
  unreadKeyAt,
  type UnreadKey,
} from './jsonScan';

export type { UnreadKey } from './jsonScan';

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
  /** Start and end of each value left unread (see splitListAnswer), in pairs, entry after entry. */
  readonly cuts: readonly number[];
  /** Per entry, where its pairs begin in `cuts`; one more at the end, where the last entry's end. */
  readonly cutsFrom: readonly number[];
}

/**
 * What an unread string value reads as: text that is not empty, as the value was. A reader that asks
 * for a value to be left unread learns only that there was one. An unread object reads as `{}`.
 */
export const UNREAD_VALUE = '(not read)';
const UNREAD_JSON = JSON.stringify(UNREAD_VALUE);

/** The depth of an entry's own keys: the envelope is 1, the list 2. */
const ENTRY = 3;

/**
 * Finds the entries of the envelope's `result` list without parsing them: strings are skipped with
 * indexOf (the PEMs are most of the text), so this costs a fraction of JSON.parse. Undefined for
 * anything but a list of objects separated by single commas; the caller then parses the answer whole
 * and its usual checks say what is wrong. JSON.parse of the envelope and of each entry checks the rest.
 *
 * `unread` names keys whose values the entries will not parse: a non-empty string value reads as
 * UNREAD_VALUE, an object value as `{}`, any other value as it is. For a custom hostname: the custom
 * certificate's PEM (a third of every entry), which a scan only needs to know is there (the PEM is
 * fetched on its own when a person asks for it, and that answer is read whole), and objects no record
 * keeps. What is checked of an unread value: a string's quotes are found like any string's; an object's
 * strings are skipped likewise, its brackets counted to its matching close, which must be a `}`. Not
 * checked: anything else between them (what a key or value is, commas, colons, how `[` and `{` nest).
 * Keys inside an unread object are not looked at. An entry holding one of the keys twice (at the depth
 * named) is parsed whole.
 */
export function splitListAnswer(text: string, unread: readonly UnreadKey[] = []): SplitAnswer | undefined {
  let depth = 0;
  let index = 0;
  let listStart = -1;
  let entryStart = -1;
  /** Inside the list, between entries: whether an entry may start here (after '[' or a comma). */
  let expectEntry = false;
  const spans: number[] = [];
  const cuts: number[] = [];
  const cutsFrom: number[] = [];
  /** How many times each unread key has been seen in the current entry, and whether one was seen twice. */
  const seen = unread.map(() => 0);
  let twice = false;
  /** A bit per key length (mod 32), so most strings are passed over without comparing them to each key. */
  const lengths = unread.reduce((mask, named) => mask | (1 << (named.key.length + 2)), 0);
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const inList = listStart >= 0 && depth === 2;
    if (code === QUOTE) {
      const start = index;
      index = stringEnd(text, index);
      if (index < 0 || (inList && entryStart < 0)) {
        return undefined;
      }
      const which =
        (lengths >>> (index - start)) & 1 && depth >= ENTRY && entryStart >= 0
          ? unreadKeyAt(text, start, index, depth - ENTRY, unread)
          : -1;
      if (which >= 0) {
        seen[which] += 1;
        twice ||= seen[which] > 1;
        // Found once: the loop goes on after the value rather than find its end a second time.
        index = cutValue(text, index, cuts);
        if (index < 0) {
          return undefined;
        }
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
        cutsFrom.push(cuts.length);
        seen.fill(0);
        twice = false;
      }
      depth += 1;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
      if (listStart >= 0 && depth === 2 && entryStart >= 0) {
        spans.push(entryStart, index + 1);
        if (twice) {
          cuts.length = cutsFrom[cutsFrom.length - 1];
        }
        entryStart = -1;
      } else if (listStart >= 0 && depth === 1 && code === CLOSE_ARRAY && entryStart < 0) {
        // A trailing comma ("[{…},]") is not JSON.
        if (expectEntry && spans.length > 0) {
          return undefined;
        }
        cutsFrom.push(cuts.length);
        return { envelope: `${text.slice(0, listStart)}[]${text.slice(index + 1)}`, spans, cuts, cutsFrom };
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

/**
 * Entries parsed together, as one array text: one JSON.parse per 20 entries costs less than one per
 * entry (about 5 % of the parse), and 20 records take about 0.25 ms, as customHostnameRecords reads them.
 */
const BATCH = 20;

/**
 * The entries of a split answer, parsed when read, BATCH at a time; an unreadable one is the usual
 * malformed-answer error when it is read (a batch that does not parse is read entry by entry, so the
 * entries before it read as before). A value the split left unread reads as UNREAD_VALUE (a string)
 * or `{}` (an object). Reading an entry of the current batch again gives the same object.
 */
export function lazyEntries<T>(text: string, split: Omit<SplitAnswer, 'envelope'>, request: RequestDescription): ListEntries<T> {
  const { spans, cuts, cutsFrom } = split;
  const length = spans.length / 2;
  const parseEntry = (json: string): T => {
    try {
      return JSON.parse(json) as T;
    } catch (error) {
      throw failureToError(request, 'malformed', 'a list entry is not JSON', error);
    }
  };
  const entryText = (index: number) => {
    let json = '';
    let from = spans[2 * index];
    for (let cut = cutsFrom[index]; cut < cutsFrom[index + 1]; cut += 2) {
      json += text.slice(from, cuts[cut]) + (text.charCodeAt(cuts[cut]) === QUOTE ? UNREAD_JSON : '{}');
      from = cuts[cut + 1];
    }
    return json + text.slice(from, spans[2 * index + 1]);
  };
  let batchStart = 0;
  let batch: readonly T[] = [];
  return {
    length,
    at(index: number): T {
      if (index < batchStart || index >= batchStart + batch.length) {
        batchStart = index;
        batch = [];
        let json = `[${entryText(index)}`;
        for (let entry = index + 1; entry < Math.min(length, index + BATCH); entry += 1) {
          json += `,${entryText(entry)}`;
        }
        // Each entry's span ends where a JSON value starting there would (splitListAnswer counts the
        // brackets outside strings as JSON.parse reads them), so the array parses exactly when each
        // entry does; when it does not, this entry is parsed alone and its own error is the one thrown.
        try {
          batch = JSON.parse(`${json}]`) as T[];
        } catch {
          batch = [parseEntry(entryText(index))];
        }
      }
      return batch[index - batchStart];
    },
  };
}
