import * as l10n from '@vscode/l10n';
import { CloudflareError } from '../cloudflare/errors';
import { redact } from '../logging/redact';

/**
 * One sentence for a person. Typed client errors already speak in words; anything else is an
 * unexpected failure whose message is still redacted before it is shown.
 */
export function describeError(error: unknown): string {
  if (error instanceof CloudflareError) {
    return error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return redact(message || l10n.t('Something went wrong.'));
}
