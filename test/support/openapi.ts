import * as fs from 'node:fs';
import { openapiPath } from './cloudflareApiFiles';

/** Cloudflare's published schema, read in place (never copied into the repository). */
export function openapiDocument(): { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } } {
  return JSON.parse(fs.readFileSync(openapiPath(), 'utf8'));
}

/** Every `enum` of strings found under a schema, following $refs. */
export function enumsUnder(name: string): string[][] {
  const doc = openapiDocument();
  const found: string[][] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) {
      return;
    }
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      walk(doc.components.schemas[record.$ref.split('/').pop()!]);
    }
    if (Array.isArray(record.enum) && record.enum.every((value) => typeof value === 'string')) {
      found.push(record.enum as string[]);
    }
    for (const value of Object.values(record)) {
      walk(value);
    }
  };
  walk(doc.components.schemas[name]);
  return found;
}

export function schemaEnum(name: string): string[] {
  const schema = openapiDocument().components.schemas[name] as { enum?: string[] };
  if (!schema?.enum) {
    throw new Error(`${name} has no enum`);
  }
  return schema.enum;
}
