import * as fs from 'node:fs';
import * as path from 'node:path';

/** Cloudflare's published schema, read from shared/ beside the repository (never copied into it). */
export function openapiDocument(): { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } } {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'out') {
    dir = path.dirname(dir);
  }
  const file = path.resolve(dir, '..', 'shared', 'cloudflare-api', 'openapi.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
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
