import * as l10n from '@vscode/l10n';
import { CloudflareError } from './errors';

/** How a hostname is matched: `hostname.contain`, `hostname.startsWith` or `hostname.exact` in the schema. */
export type HostnameMatch = 'contain' | 'startsWith' | 'exact';

/** The certificate authorities the list filter takes (the query lists three; the hostname's schema adds digicert). */
export type CertificateAuthority = 'google' | 'lets_encrypt' | 'ssl_com' | 'digicert';

/**
 * What to ask GET /zones/{zone_id}/custom_hostnames for. The schema says the hostname matchers cannot
 * be used together, so the type holds at most one; the status and authority filters narrow it.
 */
export interface CustomHostnameSearch {
  readonly hostname?: { readonly match: HostnameMatch; readonly value: string };
  /** One SSL status (`ssl_status`): the API takes a single value, not a list. */
  readonly sslStatus?: string;
  /** One activation status (`hostname_status`). */
  readonly hostnameStatus?: string;
  readonly certificateAuthority?: CertificateAuthority;
  readonly order?: 'ssl' | 'ssl_status';
  readonly direction?: 'asc' | 'desc';
}

/** The longest hostname value the schema allows. */
export const MAX_HOSTNAME_FILTER_LENGTH = 255;

/** The query string parameters for one page of a search, with the schema's names; empty filters are left out. */
export function customHostnameQuery(search: CustomHostnameSearch, page: number, perPage: number): Record<string, string | number> {
  const query: Record<string, string | number> = { page, per_page: perPage };
  const value = search.hostname?.value.trim().toLowerCase();
  if (search.hostname && value) {
    if (value.length > MAX_HOSTNAME_FILTER_LENGTH) {
      throw new CloudflareError(l10n.t('A hostname to search for is at most {0} characters.', MAX_HOSTNAME_FILTER_LENGTH));
    }
    query[`hostname.${search.hostname.match}`] = value;
  }
  if (search.sslStatus) {
    query.ssl_status = search.sslStatus;
  }
  if (search.hostnameStatus) {
    query.hostname_status = search.hostnameStatus;
  }
  if (search.certificateAuthority) {
    query.certificate_authority = search.certificateAuthority;
  }
  if (search.order) {
    query.order = search.order;
  }
  if (search.direction) {
    query.direction = search.direction;
  }
  return query;
}
