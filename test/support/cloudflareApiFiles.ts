import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above with a package.json (not the compiled out/). */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'out') {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json above ${__dirname}`);
    }
    dir = parent;
  }
  return dir;
}

/** The checkout a local clone was made from (`git clone /work/main /tmp/x`), if it was. */
function localOrigin(root: string): string | undefined {
  try {
    const url = execFileSync('git', ['-C', root, 'config', '--get', 'remote.origin.url'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return path.isAbsolute(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cloudflare's API description (openapi.json and the reference pages in docs/), which tests read in
 * place and never copy: shared/cloudflare-api beside the repository, or beside the checkout a local
 * clone came from. The first of those is named in messages when neither exists.
 */
export function cloudflareApiDirectory(): string {
  const root = repoRoot();
  const origin = localOrigin(root);
  const candidates = [root, ...(origin ? [origin] : [])].map((base) => path.resolve(base, '..', 'shared', 'cloudflare-api'));
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'openapi.json'))) ?? candidates[0];
}

export function openapiPath(): string {
  return path.join(cloudflareApiDirectory(), 'openapi.json');
}
