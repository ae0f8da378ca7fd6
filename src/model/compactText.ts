/**
 * Compact forms of the strings a custom hostname list repeats 100,000 times. A V8 string costs 16
 * bytes plus one per character; a 128-bit BigInt 32, a small integer nothing beyond its slot. Each
 * form turns back into exactly the string Cloudflare sent; anything that would not is kept as sent.
 */
export type Compact = string | bigint | number | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const SERIAL = /^[1-9a-f][0-9a-f]{0,63}$/;

/** Ids: a UUID as a BigInt, 32 hex digits as a negative one (one below zero, so 0 stays apart). */
export function packId(value: string | undefined): Compact {
  if (value !== undefined && value.length === 36 && UUID.test(value)) {
    return BigInt(`0x${value.slice(0, 8)}${value.slice(9, 13)}${value.slice(14, 18)}${value.slice(19, 23)}${value.slice(24)}`);
  }
  return value !== undefined && HEX32.test(value) ? -BigInt(`0x${value}`) - 1n : value;
}

export function unpackId(value: Compact): string | undefined {
  if (typeof value !== 'bigint') {
    return value as string | undefined;
  }
  if (value < 0n) {
    return (-value - 1n).toString(16).padStart(32, '0');
  }
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Serial numbers in lower-case hex without a leading zero (decimal or upper-case ones stay text). */
export function packSerial(value: string | undefined): Compact {
  return value !== undefined && SERIAL.test(value) ? BigInt(`0x${value}`) : value;
}

export function unpackSerial(value: Compact): string | undefined {
  return typeof value === 'bigint' ? value.toString(16) : (value as string | undefined);
}

/** SHA-256 fingerprints as 64 lower-case hex digits (other spellings stay text). */
export function packFingerprint(value: string | undefined): Compact {
  return value !== undefined && HEX64.test(value) ? BigInt(`0x${value}`) : value;
}

export function unpackFingerprint(value: Compact): string | undefined {
  return typeof value === 'bigint' ? value.toString(16).padStart(64, '0') : (value as string | undefined);
}

/**
 * ISO timestamps as seconds since 1970: a whole number (a small integer to V8) when the text ends in
 * ".000Z", a fraction for other milliseconds, and negative for the form without milliseconds ("…:17Z").
 * Read character by character: a scan packs three dates per hostname, and Date.parse, a regular
 * expression or a check through toISOString each cost several times as much.
 */
export function packDate(value: string | undefined): Compact {
  if (value === undefined) {
    return value;
  }
  const withMs = value.length === 24;
  if (!(withMs || value.length === 20) || !isoSeparators(value, withMs)) {
    return value;
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  const milli = withMs ? digitsAt(value, 20, 3) : 0;
  // digitsAt gives -1 for a non-digit, which the ranges below refuse (and milli < 0 on its own).
  const valid = year >= 1970 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
  if (!valid || second < 0 || second > 59 || milli < 0) {
    return value;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  // Date.UTC rolls 31 February over into March; such a text is kept as it came.
  if (!(ms > 0) || (day > 28 && new Date(ms).getUTCDate() !== day)) {
    return value;
  }
  return withMs ? ms / 1000 : -ms / 1000;
}

/** "YYYY-MM-DDTHH:MM:SS.mmmZ" or "…:SSZ": the separators and the closing Z where they belong. */
function isoSeparators(value: string, withMs: boolean): boolean {
  return (
    value.charCodeAt(4) === 45 /* - */ &&
    value.charCodeAt(7) === 45 &&
    value.charCodeAt(10) === 84 /* T */ &&
    value.charCodeAt(13) === 58 /* : */ &&
    value.charCodeAt(16) === 58 &&
    (!withMs || value.charCodeAt(19) === 46) /* . */ &&
    value.charCodeAt(value.length - 1) === 90 /* Z */
  );
}

/** The number the `length` characters from `from` spell in decimal, or -1 when one is not a digit. */
function digitsAt(value: string, from: number, length: number): number {
  let result = 0;
  for (let index = from; index < from + length; index += 1) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    result = result * 10 + digit;
  }
  return result;
}

export function unpackDate(value: Compact): string | undefined {
  if (typeof value !== 'number') {
    return value as string | undefined;
  }
  const iso = new Date(Math.round(Math.abs(value) * 1000)).toISOString();
  return value < 0 ? iso.replace('.000Z', 'Z') : iso;
}

/** The time a packed date stands for, in ms, without making its text: for walks over every record. */
export function unpackDateMs(value: Compact): number | undefined {
  if (typeof value === 'number') {
    return Math.round(Math.abs(value) * 1000);
  }
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * One copy of each of the few distinct values (statuses, issuers, signatures, methods) however many
 * records hold them. Bounded, so odd data cannot grow it without end: past the bound a value is kept as is.
 */
export class Interner {
  private readonly values = new Map<string, string>();

  constructor(private readonly limit = 4096) {}

  get<T extends string | undefined>(value: T): T {
    if (value === undefined) {
      return value;
    }
    const known = this.values.get(value);
    if (known !== undefined) {
      return known as T;
    }
    if (this.values.size < this.limit) {
      this.values.set(value, value);
    }
    return value;
  }
}
