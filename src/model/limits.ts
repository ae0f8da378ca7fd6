/**
 * Cloudflare's limits for what this extension manages, in one place: the model refuses past them
 * before sending anything, and the tree shows them ("3 of 10").
 */
export const Limits = {
  /** Per-hostname Authenticated Origin Pulls client certificates a zone may hold. */
  certificatesPerZone: 10,
  /** Hostnames one client certificate may be associated with. */
  hostnamesPerCertificate: 100,
  /** Associations one PUT …/origin_tls_client_auth/hostnames may carry. */
  associationsPerRequest: 100,
} as const;
