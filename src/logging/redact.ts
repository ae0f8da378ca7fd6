/**
 * Removes secrets from text bound for a log or a message: PEM private keys (whatever their label),
 * bearer credentials, and the given known secrets (the current API token). Pure, so it is unit-tested
 * without VS Code.
 */
const PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?(-----END \1-----|$)/g;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
/** Cloudflare API tokens are 40 characters of [A-Za-z0-9_-]; long runs like that are redacted too. */
const TOKEN_LIKE = /\b[A-Za-z0-9_-]{40}\b/g;
const JSON_SECRET_FIELD = /("(?:private_key|custom_key|token|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

export function redact(text: string, knownSecrets: readonly string[] = []): string {
  let result = text
    .replace(PRIVATE_KEY_BLOCK, '[private key redacted]')
    .replace(BEARER, '$1[redacted]')
    .replace(JSON_SECRET_FIELD, '$1"[redacted]"')
    .replace(TOKEN_LIKE, '[redacted]');
  for (const secret of knownSecrets) {
    // Short values would redact ordinary words; real tokens are long.
    if (secret.length >= 8) {
      result = result.split(secret).join('[redacted]');
    }
  }
  return result;
}
