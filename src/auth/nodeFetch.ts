import type { FetchLike } from '../cloudflare/fetchLike';

/**
 * node-fetch and its stream polyfills are a third of what activation would otherwise load, and no
 * request is sent until after activate() returns. esbuild builds this file as dist/fetch.js of its own,
 * which clientFactory.ts requires on the first request.
 */
export const nodeFetch: FetchLike = async (url, init) => {
  // node-fetch 3 is ESM-only: import() is how CommonJS reaches it.
  const { default: fetch } = await import('node-fetch');
  return fetch(url, init as Parameters<typeof fetch>[1]);
};
