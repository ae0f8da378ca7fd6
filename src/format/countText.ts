/**
 * A count as the person's language writes it ("100,000"; "100.000" in German): a bare 100000 is
 * hard to read at a glance. A language tag Intl does not know falls back to English grouping.
 */
export function countText(value: number, language: string | undefined): string {
  try {
    return value.toLocaleString(language);
  } catch {
    return value.toLocaleString('en-US');
  }
}
