import * as fs from 'node:fs';
import * as path from 'node:path';
import { openapiPath } from './openapiValidator';

/**
 * The example answers on Cloudflare's own reference pages (shared/cloudflare-api/docs/*.md, read in
 * place). The schema alone let a wrong top-level shape through (an envelope where the page shows a
 * bare `{"id": …}`), so answers are also held to the shape of the documented example.
 */
export interface DocumentedExample {
  readonly page: string;
  readonly title: string;
  readonly method: string;
  /** The path template, as in openapi.json. */
  readonly template: string;
  readonly response: unknown;
}

export type Kind = 'array' | 'object' | 'string' | 'number' | 'boolean' | 'null';

export function docsDirectory(): string {
  return path.join(path.dirname(openapiPath()), 'docs');
}

const HEADING = /## ([^#*]+?) \*\*(get|put|post|delete|patch)\*\* `([^`]+)`/g;
const RESPONSE = /#### Response ```json\s*([\s\S]*?)```/;

/** Every endpoint heading with the JSON of its "Response" example. */
export function documentedExamples(directory = docsDirectory()): DocumentedExample[] {
  const examples: DocumentedExample[] = [];
  for (const page of fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.md'))
    .sort()) {
    const text = fs.readFileSync(path.join(directory, page), 'utf8');
    const headings = [...text.matchAll(HEADING)];
    headings.forEach((heading, index) => {
      const section = text.slice(heading.index, headings[index + 1]?.index ?? text.length);
      const json = RESPONSE.exec(section)?.[1];
      if (json !== undefined) {
        examples.push({
          page,
          title: heading[1].trim(),
          method: heading[2].toUpperCase(),
          template: heading[3],
          response: JSON.parse(json) as unknown,
        });
      }
    });
  }
  return examples;
}

export function kindOf(value: unknown): Kind {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  return typeof value as Kind;
}

function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

/**
 * How an answer's shape differs from the documented example: the same top-level members, each of
 * the same kind, and no member of `result` (or of its first item) that the example does not have.
 * Empty when they agree.
 */
export function shapeDifferences(documented: unknown, actual: unknown): string[] {
  const found: string[] = [];
  if (kindOf(documented) !== kindOf(actual)) {
    return [`the answer is ${kindOf(actual)}, the example ${kindOf(documented)}`];
  }
  const wanted = keysOf(documented);
  const got = keysOf(actual);
  for (const key of wanted.filter((name) => !got.includes(name))) {
    found.push(`"${key}" is missing`);
  }
  for (const key of got.filter((name) => !wanted.includes(name))) {
    found.push(`"${key}" is not in the example`);
  }
  const documentedObject = documented as Record<string, unknown>;
  const actualObject = actual as Record<string, unknown>;
  for (const key of wanted.filter((name) => got.includes(name))) {
    if (kindOf(documentedObject[key]) !== kindOf(actualObject[key])) {
      found.push(`"${key}" is ${kindOf(actualObject[key])}, the example's ${kindOf(documentedObject[key])}`);
    }
  }
  const [exampleResult, actualResult] = [documentedObject.result, actualObject.result].map((result) =>
    Array.isArray(result) ? result[0] : result,
  );
  if (exampleResult !== undefined && actualResult !== undefined) {
    const allowed = keysOf(exampleResult);
    for (const key of keysOf(actualResult).filter((name) => !allowed.includes(name))) {
      found.push(`result member "${key}" is not in the example`);
    }
  }
  return found;
}
