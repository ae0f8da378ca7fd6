import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/**
 * Runs `script` in a fresh Node process (nothing loaded, nothing cached) with `args` as its
 * process.argv.slice(1), and returns what it printed as JSON; fails the test if it did not exit 0.
 */
export function runInFreshNode<T>(script: string, args: readonly string[]): T {
  const child = spawnSync(process.execPath, ['-e', script, ...args], { encoding: 'utf8', timeout: 15_000 });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as T;
}
