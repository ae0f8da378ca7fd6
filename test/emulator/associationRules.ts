import { ApiFailure } from './apiFailure';
import type { AssociationRecord, EmulatorState } from './emulatorState';

/**
 * PUT …/origin_tls_client_auth/hostnames, as Cloudflare applies it. A hostname has at most one
 * association: naming another certificate moves it, and the old certificate keeps serving the hostname
 * until the new one is deployed (pending_deployment, then active). `enabled: null` invalidates. The
 * whole batch is checked before anything changes, so a refused PUT changes nothing.
 */
export const MAX_ASSOCIATIONS_PER_CERTIFICATE = 100;

/** One association as a test sees it: what the API shows, and what actually serves the hostname now. */
export interface AssociationView {
  readonly hostname: string;
  readonly certId: string;
  readonly enabled: boolean;
  readonly status: string;
  readonly certStatus: string;
  readonly servingCertId?: string;
}

interface Change {
  readonly hostname: string;
  readonly certId: string;
  readonly enabled: boolean | null;
}

export function parseChanges(config: unknown): Change[] {
  if (!Array.isArray(config) || config.length === 0) {
    throw new ApiFailure(400, 1400, 'The request body needs a non-empty "config" array.');
  }
  return config.map((entry) => {
    const change = entry as { hostname?: unknown; cert_id?: unknown; enabled?: unknown };
    if (
      typeof change.hostname !== 'string' ||
      !/^[a-z0-9*]([a-z0-9.-]*[a-z0-9])?$/i.test(change.hostname) ||
      change.hostname.length > 255
    ) {
      throw new ApiFailure(400, 1401, `"${String(change.hostname)}" is not a valid hostname.`);
    }
    if (typeof change.cert_id !== 'string') {
      throw new ApiFailure(400, 1402, 'Each change needs a cert_id.');
    }
    if (change.enabled !== null && typeof change.enabled !== 'boolean') {
      throw new ApiFailure(400, 1403, '"enabled" must be true, false or null.');
    }
    return { hostname: change.hostname.toLowerCase(), certId: change.cert_id, enabled: change.enabled as boolean | null };
  });
}

/** The certificate a hostname may be pointed at now, or Cloudflare's "invalid" / "not now" refusal. */
function checkUsable(state: EmulatorState, zoneId: string, certId: string): void {
  const certificate = state.aopCertificatesOf(zoneId).find((record) => record.id === certId);
  const status = certificate ? state.aopStatus(certificate) : 'deleted';
  if (status === 'active') {
    return;
  }
  if (status === 'pending_deletion' || status === 'deletion_timed_out') {
    throw new ApiFailure(400, 1414, 'The certificate is pending deletion.');
  }
  if (status === 'pending_deployment' || status === 'initializing') {
    throw new ApiFailure(400, 1434, 'The certificate is pending deployment; try again when it is active.');
  }
  throw new ApiFailure(400, 1415, 'The certificate id is invalid or the certificate was deleted.');
}

function checkLimit(state: EmulatorState, zoneId: string, changes: readonly Change[], certId: string): void {
  // The users the certificate would have after the whole batch, so one PUT cannot pass the limit.
  const touched = new Set(changes.map((change) => change.hostname));
  const batch = new Set(changes.filter((change) => change.enabled !== null && change.certId === certId).map((change) => change.hostname));
  const kept = state.associations.filter(
    (association) => association.zoneId === zoneId && association.certId === certId && !touched.has(association.hostname),
  );
  if (kept.length + batch.size > MAX_ASSOCIATIONS_PER_CERTIFICATE) {
    throw new ApiFailure(400, 1410, `A certificate can be used by at most ${MAX_ASSOCIATIONS_PER_CERTIFICATE} hostnames.`);
  }
}

export function applyAssociationChanges(
  state: EmulatorState,
  zoneId: string,
  config: unknown,
  options: { immediate?: boolean } = {},
): AssociationRecord[] {
  state.zone(zoneId);
  const changes = parseChanges(config);
  for (const change of changes) {
    if (change.enabled !== null) {
      checkUsable(state, zoneId, change.certId);
      checkLimit(state, zoneId, changes, change.certId);
    }
  }
  const now = state.clock();
  const stamp = new Date(now).toISOString();
  const deployMs = options.immediate ? 0 : state.associationTransitionMs;
  const touched: AssociationRecord[] = [];
  for (const change of changes) {
    const index = state.associations.findIndex((association) => association.zoneId === zoneId && association.hostname === change.hostname);
    const existing = index >= 0 ? state.associations[index] : undefined;
    if (existing && !state.associationHistory.has(zoneId, change.hostname)) {
      // A seeded association: it was serving before any recorded change.
      state.associationHistory.add({
        zoneId,
        hostname: change.hostname,
        at: 0,
        certId: existing.certId,
        enabled: existing.enabled,
        activeAt: 0,
      });
    }
    if (change.enabled === null) {
      // Invalidating names the certificate: one that no longer matches (the hostname moved since) is left alone.
      if (existing && existing.certId === change.certId) {
        touched.push({ ...existing, enabled: false, updatedAt: stamp });
        state.associations.splice(index, 1);
        state.associationHistory.add({ zoneId, hostname: change.hostname, at: now, certId: change.certId, enabled: null, activeAt: now });
      } else if (existing) {
        touched.push(existing);
      }
      continue;
    }
    const moving = !existing || existing.certId !== change.certId;
    const activeAt = moving ? now + deployMs : now;
    if (existing) {
      const serving = state.associationHistory.servingAt(zoneId, change.hostname, now);
      Object.assign(existing, {
        certId: change.certId,
        enabled: change.enabled,
        updatedAt: stamp,
        ...(moving ? { deployedAt: activeAt, previousCertId: serving?.certId } : {}),
      });
      touched.push(existing);
    } else {
      const record: AssociationRecord = {
        zoneId,
        hostname: change.hostname,
        certId: change.certId,
        enabled: change.enabled,
        createdAt: stamp,
        updatedAt: stamp,
        deployedAt: activeAt,
      };
      state.associations.push(record);
      touched.push(record);
    }
    state.associationHistory.add({ zoneId, hostname: change.hostname, at: now, certId: change.certId, enabled: change.enabled, activeAt });
  }
  return touched;
}

/** pending_deployment until the hostname's move is deployed, then the certificate's own status. */
export function associationStatus(state: EmulatorState, association: AssociationRecord): string {
  if (association.deployedAt !== undefined && state.clock() < association.deployedAt) {
    return 'pending_deployment';
  }
  const certificate = state.aopCertificates.find((record) => record.id === association.certId);
  return certificate ? state.aopStatus(certificate) : 'active';
}

/** Hostnames a certificate still serves or is assigned to: it cannot be deleted while there are any. */
export function usersOf(state: EmulatorState, zoneId: string, certId: string): string[] {
  const now = state.clock();
  return state.associations
    .filter((association) => association.zoneId === zoneId)
    .filter(
      (association) =>
        association.certId === certId ||
        (association.previousCertId === certId && association.deployedAt !== undefined && now < association.deployedAt),
    )
    .map((association) => association.hostname);
}

export function associationViews(state: EmulatorState, zoneId: string): AssociationView[] {
  const now = state.clock();
  return state.associationsOf(zoneId).map((association) => {
    const certificate = state.aopCertificates.find((record) => record.id === association.certId);
    const serving = state.servingCertificate(zoneId, association.hostname, now);
    return {
      hostname: association.hostname,
      certId: association.certId,
      enabled: association.enabled,
      status: associationStatus(state, association),
      certStatus: certificate ? state.aopStatus(certificate) : 'deleted',
      ...(serving?.enabled ? { servingCertId: serving.certId } : {}),
    };
  });
}
