import { ENCODED_BEGIN } from './encodedPem';

/**
 * Quick test for "could this document hold PEM at all?" on every editor change. Apart from
 * pemBlocks.ts so that activation, which runs it on the open documents, loads nothing else of it.
 */
export function hasPemBlock(text: string): boolean {
  return text.includes('-----BEGIN ') || text.includes(ENCODED_BEGIN);
}
