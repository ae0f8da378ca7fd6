import { ApiFailure } from './apiFailure';
import { filterCustomHostnames } from './customHostnameFilters';
import type { EmulatorState, TokenRecord } from './emulatorState';
import { aopCertificateJson, associationJson, customHostnameJson, hostnameAopJson, zoneJson } from './responseShapes';

/** One request, as a route handler sees it. */
export interface RouteRequest {
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly token: TokenRecord;
  readonly state: EmulatorState;
}

export interface RouteResult {
  readonly status?: number;
  readonly result: unknown;
  /** The result is the whole body, not wrapped in the v4 envelope (the pack DELETE, as documented). */
  readonly bare?: boolean;
  readonly resultInfo?: { page: number; per_page: number; count: number; total_count: number; total_pages: number };
}

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** The path template in openapi.json, for contract validation. */
  readonly template: string;
  /** Writes need "SSL and Certificates: Edit"; reads "Zone: Read"; verify needs only a live token. */
  readonly access: 'verify' | 'read' | 'edit';
  readonly handle: (request: RouteRequest) => RouteResult;
}

/** page/per_page within the endpoint's published bounds, or a 400 like Cloudflare's. */
function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  bounds: { min: number; max: number; fallback: number },
): { page: T[]; info: NonNullable<RouteResult['resultInfo']> } {
  const page = query.has('page') ? Number(query.get('page')) : 1;
  const perPage = query.has('per_page') ? Number(query.get('per_page')) : bounds.fallback;
  if (!Number.isInteger(page) || page < 1) {
    throw new ApiFailure(400, 1001, 'page must be a positive integer.');
  }
  if (!Number.isInteger(perPage) || perPage < bounds.min || perPage > bounds.max) {
    throw new ApiFailure(400, 1001, `per_page must be between ${bounds.min} and ${bounds.max}.`);
  }
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return {
    page: slice,
    info: {
      page,
      per_page: perPage,
      count: slice.length,
      total_count: items.length,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
    },
  };
}

const body = (request: RouteRequest): Record<string, unknown> => {
  if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
    throw new ApiFailure(400, 6003, 'Invalid request headers or body: a JSON object is required.');
  }
  return request.body as Record<string, unknown>;
};

const ZONE = '/zones/(?<zone_id>[^/]+)';
const AOP = `${ZONE}/origin_tls_client_auth`;
const route = (method: string, path: string, template: string, access: Route['access'], handle: Route['handle']): Route => ({
  method,
  pattern: new RegExp(`^${path}$`),
  template,
  access,
  handle,
});

export const ROUTES: readonly Route[] = [
  route('GET', '/user/tokens/verify', '/user/tokens/verify', 'verify', ({ token }) => {
    if (token.owner !== 'user') {
      throw new ApiFailure(401, 1000, 'Invalid API Token');
    }
    return { result: { id: token.id, status: token.status } };
  }),
  route(
    'GET',
    '/accounts/(?<account_id>[^/]+)/tokens/verify',
    '/accounts/{account_id}/tokens/verify',
    'verify',
    ({ token, params, state }) => {
      if (token.owner !== 'account' || !state.zones.some((zone) => zone.accountId === params.account_id)) {
        throw new ApiFailure(401, 1000, 'Invalid API Token');
      }
      return { result: { id: token.id, status: token.status } };
    },
  ),
  route('GET', '/zones', '/zones', 'read', ({ state, query }) => {
    let zones = state.zones;
    const name = query.get('name');
    const status = query.get('status');
    const account = query.get('account.id');
    zones = zones.filter(
      (zone) => (!name || zone.name === name) && (!status || zone.status === status) && (!account || zone.accountId === account),
    );
    const { page, info } = paginate(zones, query, { min: 5, max: 50, fallback: 20 });
    return { result: page.map(zoneJson), resultInfo: info };
  }),
  route(
    'GET',
    `${AOP}/hostnames/certificates`,
    '/zones/{zone_id}/origin_tls_client_auth/hostnames/certificates',
    'read',
    ({ state, params }) => {
      // Not paginated (a zone holds at most 10), but answered with result_info as the reference page shows.
      const records = state.aopCertificatesOf(params.zone_id);
      return {
        result: records.map((record) => aopCertificateJson(state, record)),
        resultInfo: { page: 1, per_page: 20, count: records.length, total_count: records.length, total_pages: 1 },
      };
    },
  ),
  route('POST', `${AOP}/hostnames/certificates`, '/zones/{zone_id}/origin_tls_client_auth/hostnames/certificates', 'edit', (request) => {
    const { certificate, private_key: privateKey } = body(request);
    return {
      result: aopCertificateJson(request.state, request.state.uploadAopCertificate(request.params.zone_id, certificate, privateKey)),
    };
  }),
  route(
    'GET',
    `${AOP}/hostnames/certificates/(?<certificate_id>[^/]+)`,
    '/zones/{zone_id}/origin_tls_client_auth/hostnames/certificates/{certificate_id}',
    'read',
    ({ state, params }) => ({
      result: aopCertificateJson(state, state.aopCertificate(params.zone_id, params.certificate_id)),
    }),
  ),
  route(
    'DELETE',
    `${AOP}/hostnames/certificates/(?<certificate_id>[^/]+)`,
    '/zones/{zone_id}/origin_tls_client_auth/hostnames/certificates/{certificate_id}',
    'edit',
    ({ state, params }) => ({
      result: aopCertificateJson(state, state.deleteAopCertificate(params.zone_id, params.certificate_id)),
    }),
  ),
  route('GET', `${AOP}/hostnames`, '/zones/{zone_id}/origin_tls_client_auth/hostnames', 'read', ({ state, params, query }) => {
    const wanted = (query.get('status') ?? 'active').split(',');
    const all = state.associationsOf(params.zone_id).map((association) => associationJson(state, association));
    const filtered = wanted.includes('all') ? all : all.filter((association) => wanted.includes(String(association.status)));
    const { page, info } = paginate(filtered, query, { min: 1, max: 1000, fallback: 50 });
    return { result: page, resultInfo: info };
  }),
  route('PUT', `${AOP}/hostnames`, '/zones/{zone_id}/origin_tls_client_auth/hostnames', 'edit', (request) => {
    const changed = request.state.updateAssociations(request.params.zone_id, body(request).config);
    return { result: changed.map((association) => hostnameAopJson(request.state, association)) };
  }),
  route(
    'GET',
    `${AOP}/hostnames/(?<hostname>[^/]+)`,
    '/zones/{zone_id}/origin_tls_client_auth/hostnames/{hostname}',
    'read',
    ({ state, params }) => {
      const association = state
        .associationsOf(params.zone_id)
        .find((candidate) => candidate.hostname === decodeURIComponent(params.hostname).toLowerCase());
      if (!association) {
        throw new ApiFailure(404, 1404, 'No client certificate is associated with this hostname.');
      }
      return { result: hostnameAopJson(state, association) };
    },
  ),
  route('GET', `${AOP}/settings`, '/zones/{zone_id}/origin_tls_client_auth/settings', 'read', ({ state, params }) => ({
    result: { enabled: state.zone(params.zone_id).aopEnabled },
  })),
  route('PUT', `${AOP}/settings`, '/zones/{zone_id}/origin_tls_client_auth/settings', 'edit', (request) => {
    const { enabled } = body(request);
    if (typeof enabled !== 'boolean') {
      throw new ApiFailure(400, 1403, '"enabled" must be true or false.');
    }
    request.state.zone(request.params.zone_id).aopEnabled = enabled;
    return { result: { enabled } };
  }),
  route('GET', `${ZONE}/custom_hostnames`, '/zones/{zone_id}/custom_hostnames', 'read', ({ state, params, query }) => {
    const records = filterCustomHostnames(state, state.customHostnamesOf(params.zone_id), query);
    const { page, info } = paginate(records, query, { min: 5, max: 1000, fallback: 20 });
    return { result: page.map((record) => customHostnameJson(state, record)), resultInfo: info };
  }),
  route(
    'GET',
    `${ZONE}/custom_hostnames/(?<custom_hostname_id>[^/]+)`,
    '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}',
    'read',
    ({ state, params }) => ({
      result: customHostnameJson(state, state.customHostname(params.zone_id, params.custom_hostname_id)),
    }),
  ),
  route(
    'PUT',
    `${ZONE}/custom_hostnames/(?<custom_hostname_id>[^/]+)/certificate_pack/(?<certificate_pack_id>[^/]+)/certificates/(?<certificate_id>[^/]+)`,
    '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}/certificate_pack/{certificate_pack_id}/certificates/{certificate_id}',
    'edit',
    (request) => {
      const { custom_certificate: certificate, custom_key: key } = body(request);
      const { zone_id, custom_hostname_id, certificate_pack_id, certificate_id } = request.params;
      const record = request.state.replacePackCertificate(
        zone_id,
        custom_hostname_id,
        certificate_pack_id,
        certificate_id,
        certificate,
        key,
      );
      return { status: 202, result: customHostnameJson(request.state, record) };
    },
  ),
  route(
    'DELETE',
    `${ZONE}/custom_hostnames/(?<custom_hostname_id>[^/]+)/certificate_pack/(?<certificate_pack_id>[^/]+)/certificates/(?<certificate_id>[^/]+)`,
    '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}/certificate_pack/{certificate_pack_id}/certificates/{certificate_id}',
    'edit',
    ({ state, params }) => {
      state.deletePackCertificate(params.zone_id, params.custom_hostname_id, params.certificate_pack_id, params.certificate_id);
      return { status: 202, result: { id: params.certificate_id }, bare: true };
    },
  ),
];

export function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | { pathExists: boolean } {
  let pathExists = false;
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match) {
      continue;
    }
    pathExists = true;
    if (candidate.method === method) {
      return { route: candidate, params: { ...match.groups } };
    }
  }
  return { pathExists };
}
