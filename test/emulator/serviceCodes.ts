import { ApiFailure } from './apiFailure';

/**
 * Cloudflare's service codes for these endpoints (../shared/cloudflare-api/README.md), with the HTTP
 * status and words the emulator answers them with, whether the situation arises or a test injects it.
 * 1434, 1414 and 409 are "not now": the change was not applied and may be retried after a wait.
 */
export const SERVICE_CODES: Readonly<Record<number, { readonly status: number; readonly message: string }>> = {
  971: { status: 429, message: 'Please wait and consider throttling your request speed' },
  1406: { status: 400, message: 'The certificate already exists.' },
  1408: { status: 400, message: 'Unable to parse the certificate.' },
  1409: { status: 409, message: 'Another change to this zone is in progress; try again later.' },
  1414: { status: 400, message: 'The certificate is pending deletion.' },
  1415: { status: 400, message: 'The certificate id is invalid or the certificate was deleted.' },
  1433: { status: 400, message: 'The certificate is still used by a hostname association.' },
  1434: { status: 400, message: 'The certificate is pending deployment; try again when it is active.' },
};

/** The code a 409 carries when a test asks for the status alone. */
export const ZONE_CONFLICT_CODE = 1409;

/** The refusal for an injected service error: the code's own status and words unless the rule says otherwise. */
export function serviceFailure(rule: {
  readonly code?: number;
  readonly status?: number;
  readonly message?: string;
  readonly retryAfterSeconds?: number | null;
}): ApiFailure {
  const code = rule.code ?? (rule.status === 409 ? ZONE_CONFLICT_CODE : 1434);
  const known = SERVICE_CODES[code];
  const status = rule.status ?? known?.status ?? 400;
  const headers: Record<string, string> =
    status === 429 && rule.retryAfterSeconds !== null ? { 'Retry-After': String(rule.retryAfterSeconds ?? 1) } : {};
  return new ApiFailure(status, code, rule.message ?? known?.message ?? `Service error ${code}.`, headers);
}

/** The zone a /client/v4 path belongs to, if any. */
export function zoneOfPath(path: string): string | undefined {
  return /^\/zones\/([^/]+)\//.exec(path)?.[1];
}

/**
 * Writes in flight per zone: a second write to a zone while another is still being answered gets
 * Cloudflare's 409 ("another change on the same zone is in flight"). Reads never conflict.
 */
export class ZoneWrites {
  private readonly busy = new Map<string, 1>();

  /** Marks the write as started; `conflict` when another write on the zone has not been answered yet. */
  begin(method: string, path: string): { conflict: boolean; end: () => void } {
    const zone = zoneOfPath(path);
    if (method === 'GET' || zone === undefined) {
      return { conflict: false, end: () => undefined };
    }
    if ((this.busy.get(zone) ?? 0) > 0) {
      // Refused at once, so it is no change in flight itself.
      return { conflict: true, end: () => undefined };
    }
    this.busy.set(zone, 1);
    return {
      conflict: false,
      end: () => this.busy.delete(zone),
    };
  }
}
