/** The middle value (the lower of the two middle ones for an even count): machines here are noisy. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** A figure as the tables print it: one decimal unless asked otherwise. */
export const fixed = (value: number, digits = 1): string => value.toFixed(digits);
