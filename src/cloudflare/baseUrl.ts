import * as l10n from '@vscode/l10n';
/**
 * The API base URL a token may be sent to: https anywhere, http only to this machine (a local
 * emulator), no credentials or query in the URL. Pure, so the rule is unit-tested.
 */
export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function checkBaseUrl(value: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, message: l10n.t('The API base URL "{0}" is not a valid URL (setting cloudflareCertificates.apiBaseUrl).', value) };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      message: l10n.t('The API base URL must not contain a user name or password (setting cloudflareCertificates.apiBaseUrl).'),
    };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message: l10n.t(
        'The API base URL uses http: for {0}; the token is only sent over https:, or http: to this machine (setting cloudflareCertificates.apiBaseUrl).',
        url.hostname,
      ),
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: l10n.t('The API base URL must be https: (setting cloudflareCertificates.apiBaseUrl).') };
  }
  if (url.search || url.hash) {
    return {
      ok: false,
      message: l10n.t('The API base URL must not have a query or fragment (setting cloudflareCertificates.apiBaseUrl).'),
    };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
