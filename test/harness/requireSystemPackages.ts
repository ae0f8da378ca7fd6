import { BROWSER_PACKAGES, CODE_SERVER_PACKAGES, ensureSystemPackages, MissingSystemPackages } from './systemPackages';

/**
 * `node out/test/harness/requireSystemPackages.js code-server browser`: the package scripts run this
 * before a step that installs or starts code-server or launches Chromium, so a missing Debian package
 * is one line at the start instead of a stack trace minutes later.
 */
const NEEDS: Record<string, readonly string[]> = { 'code-server': CODE_SERVER_PACKAGES, browser: BROWSER_PACKAGES };

async function main(): Promise<void> {
  const unknown = process.argv.slice(2).filter((what) => !(what in NEEDS));
  if (unknown.length > 0) {
    throw new Error(`requireSystemPackages: unknown need ${unknown.join(', ')} (known: ${Object.keys(NEEDS).join(', ')})`);
  }
  const packages = process.argv.slice(2).flatMap((what) => NEEDS[what]);
  // One order for the message whatever order the needs were given in.
  await ensureSystemPackages([...new Set(packages)].sort());
}

main().catch((error: unknown) => {
  console.error(error instanceof MissingSystemPackages ? error.message : error);
  process.exit(1);
});
