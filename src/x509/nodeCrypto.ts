import type * as Crypto from 'node:crypto';

let loaded: typeof Crypto | undefined;

/**
 * node:crypto, loaded on first use: it takes 4–6 ms to load (with the streams it pulls in), a quarter
 * of the activation budget, and activation needs none of it. Types come from `import type`, which
 * loads nothing.
 */
export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  loaded ??= require('node:crypto') as typeof Crypto;
  return loaded;
}
