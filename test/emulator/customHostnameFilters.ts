import * as fs from 'node:fs';
import { openapiPath } from '../support/cloudflareApiFiles';
import { ApiFailure } from './apiFailure';
import type { CustomHostnameRecord, EmulatorState } from './emulatorState';

/**
 * The list filters of GET /zones/{zone_id}/custom_hostnames as openapi.json documents them. The five
 * hostname matchers are mutually exclusive ("cannot be used with…" in each one's description); the
 * other filters narrow whatever they match. Cloudflare documents no code for a refused combination,
 * only the 4XX envelope with `result: null`, so the emulator answers 400 with the code it uses for
 * every malformed list query (1001, as for page and per_page).
 */
export const INVALID_LIST_QUERY_CODE = 1001;

const MATCHERS = ['id', 'hostname', 'hostname.exact', 'hostname.contain', 'hostname.startsWith'] as const;

/**
 * The allowed values of a list filter, read from openapi.json itself, so the emulator stays an oracle
 * independent of the product's own lists (a status the product forgot is still answered here).
 */
function documentedEnum(name: string): string[] {
  const document = JSON.parse(fs.readFileSync(openapiPath(), 'utf8')) as {
    paths: Record<string, { get: { parameters: { name?: string; schema?: { enum?: string[] } }[] } }>;
  };
  const parameter = document.paths['/zones/{zone_id}/custom_hostnames'].get.parameters.find((entry) => entry.name === name);
  if (!parameter?.schema?.enum) {
    throw new Error(`openapi.json documents no values for the custom hostname list filter ${name}`);
  }
  return parameter.schema.enum;
}

let documented: { ssl: string[]; hostname: string[]; authority: string[] } | undefined;

function documentedFilters(): { ssl: string[]; hostname: string[]; authority: string[] } {
  documented ??= {
    ssl: documentedEnum('ssl_status'),
    hostname: documentedEnum('hostname_status'),
    // The query parameter lists google, lets_encrypt and ssl_com; the hostname's own schema also digicert: both are taken.
    authority: [...documentedEnum('certificate_authority'), 'digicert'],
  };
  return documented;
}

const refuse = (message: string) => new ApiFailure(400, INVALID_LIST_QUERY_CODE, message);

function oneOf(query: URLSearchParams, name: string, allowed: readonly string[]): string | undefined {
  const value = query.get(name);
  if (value !== null && !allowed.includes(value)) {
    throw refuse(`${name} must be one of ${allowed.join(', ')}.`);
  }
  return value ?? undefined;
}

/** The hostname matcher in the query, refused when more than one is given or a value is too long. */
function matcherOf(query: URLSearchParams): ((record: CustomHostnameRecord) => boolean) | undefined {
  const given = MATCHERS.filter((name) => query.has(name));
  if (given.length > 1) {
    throw refuse(`The '${given[0]}' parameter cannot be used with the '${given.slice(1).join("', '")}' parameter.`);
  }
  const [name] = given;
  if (name === undefined) {
    return undefined;
  }
  const value = query.get(name)!;
  if (value.length > 255) {
    throw refuse(`${name} must be at most 255 characters.`);
  }
  // Hostnames are stored in lower case, and DNS names compare without regard to case.
  const wanted = value.toLowerCase();
  switch (name) {
    case 'id':
      // The schema says 36 characters, but real ids are also 32-hex: no format is enforced.
      return (record) => record.id === value;
    case 'hostname.contain':
      return (record) => record.hostname.includes(wanted);
    case 'hostname.startsWith':
      return (record) => record.hostname.startsWith(wanted);
    default:
      return (record) => record.hostname === wanted;
  }
}

/** The records the query asks for, in the order it asks for; throws the refusal for a query Cloudflare refuses. */
export function filterCustomHostnames(
  state: EmulatorState,
  records: readonly CustomHostnameRecord[],
  query: URLSearchParams,
): CustomHostnameRecord[] {
  const matches = matcherOf(query);
  const filters = documentedFilters();
  const sslStatus = oneOf(query, 'ssl_status', filters.ssl);
  const hostnameStatus = oneOf(query, 'hostname_status', filters.hostname);
  const authority = oneOf(query, 'certificate_authority', filters.authority);
  const wildcard = oneOf(query, 'wildcard', ['true', 'false']);
  const withSsl = oneOf(query, 'ssl', ['0', '1']) === '1';
  const order = oneOf(query, 'order', ['ssl', 'ssl_status']);
  const direction = oneOf(query, 'direction', ['asc', 'desc']);
  const originServer = query.get('custom_origin_server');
  const filtered = records.filter(
    (record) =>
      (!matches || matches(record)) &&
      (!sslStatus || state.sslStatus(record) === sslStatus) &&
      (!hostnameStatus || record.status === hostnameStatus) &&
      (!authority || record.certificateAuthority === authority) &&
      // Every emulated hostname answers `ssl.wildcard: false` and has no custom origin server.
      (!wildcard || wildcard === 'false') &&
      originServer === null &&
      // "Whether to filter hostnames based on if they have SSL enabled": a custom or CA-issued certificate.
      (!withSsl || record.certificates.length > 0 || record.certificateAuthority !== undefined),
  );
  if (order === undefined && direction === undefined) {
    // Creation order, as before the ordering was asked for: paging stays stable while hostnames are added.
    return filtered;
  }
  // "ssl" and "ssl_status" both order by the SSL status; the sort is stable, so ties keep creation order.
  const sign = direction === 'desc' ? -1 : 1;
  const keyed = filtered.map((record) => ({ record, status: state.sslStatus(record) }));
  keyed.sort((a, b) => sign * (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
  return keyed.map((entry) => entry.record);
}
