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
  if (value !== undefined && UUID.test(value)) {
    return BigInt(`0x${value.replace(/-/g, '')}`);
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
 */
export function packDate(value: string | undefined): Compact {
  if (value === undefined) {
    return value;
  }
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || ms <= 0) {
    return value;
  }
  const iso = new Date(ms).toISOString();
  if (iso === value) {
    return ms / 1000;
  }
  return ms % 1000 === 0 && iso.replace('.000Z', 'Z') === value ? -ms / 1000 : value;
}

export function unpackDate(value: Compact): string | undefined {
  if (typeof value !== 'number') {
    return value as string | undefined;
  }
  const iso = new Date(Math.round(Math.abs(value) * 1000)).toISOString();
  return value < 0 ? iso.replace('.000Z', 'Z') : iso;
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
