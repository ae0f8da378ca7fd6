import * as fs from 'node:fs';
import { openapiPath } from '../support/cloudflareApiFiles';
import { BROWSER_PACKAGES, CODE_SERVER_PACKAGES, ensureSystemPackages, PrerequisiteError } from './systemPackages';

/**
 * `node out/test/harness/preflight.js code-server browser schema`: the package scripts run this
 * before a step that needs something from outside the repository, so a missing prerequisite is one
 * line at the start instead of a stack trace minutes later.
 */
const PACKAGES: Record<string, readonly string[]> = { 'code-server': CODE_SERVER_PACKAGES, browser: BROWSER_PACKAGES };

/** Where the tests and the emulator read Cloudflare's schema (see test/support/cloudflareApiFiles.ts). */
export const SCHEMA = openapiPath();

export function schemaMessage(file: string): string | undefined {
  if (fs.existsSync(file)) {
    return undefined;
  }
  return `Cloudflare's API schema is not at ${file}: the unit tests and the emulator read it from shared/cloudflare-api/ beside the repository (or beside the checkout this one was cloned from), so clone next to that shared/ folder.`;
}

async function main(): Promise<void> {
  const needs = process.argv.slice(2);
  const unknown = needs.filter((need) => !(need in PACKAGES) && need !== 'schema');
  if (unknown.length > 0) {
    throw new Error(`preflight: unknown need ${unknown.join(', ')}`);
  }
  // One order for the message whatever order the needs were given in.
  await ensureSystemPackages([...new Set(needs.flatMap((need) => PACKAGES[need] ?? []))].sort());
  const schema = needs.includes('schema') ? schemaMessage(SCHEMA) : undefined;
  if (schema) {
    console.error(schema);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof PrerequisiteError ? error.message : error);
    process.exit(1);
  });
}
