/**
 * Text for agents. Every value that came from Cloudflare or a file is quoted as a JSON string, so a
 * certificate name or a hostname that reads like an instruction stays data; results stay within a
 * few thousand characters, cut with a count of what was left out.
 */
export const MAX_RESULT_CHARS = 3_000;

/** A value from Cloudflare or a file, as data. */
export function quoted(value: string | undefined): string {
  return JSON.stringify(value ?? '');
}

/** Joins lines up to the budget, then says how many were left out. */
export function within(lines: readonly string[], budget = MAX_RESULT_CHARS): string {
  const kept: string[] = [];
  let used = 0;
  for (const [index, line] of lines.entries()) {
    if (used + line.length + 1 > budget) {
      kept.push(`… ${lines.length - index} more line${lines.length - index === 1 ? '' : 's'} not shown (narrow the question to see them).`);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join('\n');
}

/** The first problem with an input, in words the agent can relay; undefined when it is valid. */
export function checkInput(
  input: unknown,
  fields: Record<string, 'string' | 'number' | 'optional string' | 'optional number'>,
): string | undefined {
  if (typeof input !== 'object' || input === null) {
    return 'The input must be an object.';
  }
  const record = input as Record<string, unknown>;
  for (const [name, kind] of Object.entries(fields)) {
    const value = record[name];
    const optional = kind.startsWith('optional ');
    const type = kind.replace('optional ', '');
    if (value === undefined && optional) {
      continue;
    }
    if (typeof value !== type || (type === 'string' && (value as string).trim() === '') || (type === 'number' && !Number.isFinite(value))) {
      return `"${name}" must be a ${type === 'string' ? 'non-empty string' : 'number'}.`;
    }
  }
  const unknown = Object.keys(record).filter((name) => !(name in fields));
  return unknown.length > 0 ? `Unknown input: ${unknown.join(', ')}.` : undefined;
}
