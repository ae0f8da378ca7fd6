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
 * Read digit by digit, as Date.parse and a check through toISOString cost ten times as much.
 */
export function packDate(value: string | undefined): Compact {
  if (value === undefined) {
    return value;
  }
  const withMs = value.length === 24;
  if (!(withMs || value.length === 20) || value.charCodeAt(value.length - 1) !== 90 /* Z */ || !ISO_SHAPE.test(value)) {
    return value;
  }
  const number = (from: number, length: number) => {
    let result = 0;
    for (let index = from; index < from + length; index += 1) {
      result = result * 10 + value.charCodeAt(index) - 48;
    }
    return result;
  };
  const [year, month, day, hour, minute, second] = [number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2), number(17, 2)];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, withMs ? number(20, 3) : 0);
  const valid = year >= 1970 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59 && ms > 0;
  // Date.UTC rolls 31 February over into March; such a text is kept as it came.
  if (!valid || (day > 28 && new Date(ms).getUTCDate() !== day)) {
    return value;
  }
  return withMs ? ms / 1000 : -ms / 1000;
}

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

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
