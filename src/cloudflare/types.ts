/**
 * The shapes the extension reads, from Cloudflare's published schema (openapi.json). Status unions
 * stay open (`string & {}`) because Cloudflare adds values; the UI gives unknown ones a neutral look.
 */
type Open<T extends string> = T | (string & {});

export type AopStatus = Open<
  'initializing' | 'pending_deployment' | 'pending_deletion' | 'active' | 'deleted' | 'deployment_timed_out' | 'deletion_timed_out'
>;

export type SslStatus = Open<
  | 'initializing'
  | 'pending_validation'
  | 'deleted'
  | 'pending_issuance'
  | 'pending_deployment'
  | 'pending_deletion'
  | 'pending_expiration'
  | 'expired'
  | 'active'
  | 'initializing_timed_out'
  | 'validation_timed_out'
  | 'issuance_timed_out'
  | 'deployment_timed_out'
  | 'deletion_timed_out'
  | 'pending_cleanup'
  | 'staging_deployment'
  | 'staging_active'
  | 'deactivating'
  | 'inactive'
  | 'backup_issued'
  | 'holding_deployment'
>;

export type HostnameStatus = Open<
  | 'active'
  | 'pending'
  | 'active_redeploying'
  | 'moved'
  | 'pending_deletion'
  | 'deleted'
  | 'pending_blocked'
  | 'pending_migration'
  | 'pending_provisioned'
  | 'test_pending'
  | 'test_active'
  | 'test_active_apex'
  | 'test_blocked'
  | 'test_failed'
  | 'provisioned'
  | 'blocked'
>;

export interface ResultInfo {
  readonly page?: number;
  readonly per_page?: number;
  readonly count?: number;
  readonly total_count?: number;
  readonly total_pages?: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly resultInfo?: ResultInfo;
}

export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly status?: Open<'initializing' | 'pending' | 'active' | 'moved'>;
  readonly account?: { readonly id?: string; readonly name?: string };
  readonly paused?: boolean;
}

/** A per-hostname Authenticated Origin Pulls client certificate. */
export interface HostnameCertificate {
  readonly id: string;
  readonly certificate?: string;
  readonly expires_on?: string;
  readonly issuer?: string;
  readonly serial_number?: string;
  readonly signature?: string;
  readonly status?: AopStatus;
  readonly uploaded_on?: string;
}

/** A hostname's use of a client certificate (GET/PUT …/origin_tls_client_auth/hostnames). */
export interface HostnameAssociation {
  readonly hostname: string;
  readonly cert_id?: string;
  readonly enabled?: boolean | null;
  readonly status?: AopStatus;
  readonly cert_status?: AopStatus;
  readonly created_at?: string;
  readonly updated_at?: string;
  readonly expires_on?: string;
  readonly issuer?: string;
  readonly serial_number?: string;
  readonly signature?: string;
}

export interface AssociationChange {
  readonly hostname: string;
  readonly cert_id: string;
  /** true enables, false disables, null invalidates (removes) the association. */
  readonly enabled: boolean | null;
}

/**
 * A certificate in a custom hostname's pack. Not in the published schema: real responses carry
 * ssl.certificates[]; their ids are the certificate_id of the pack endpoints.
 */
export interface PackCertificate {
  readonly id: string;
  readonly issuer?: string;
  readonly serial_number?: string;
  readonly signature?: string;
  readonly expires_on?: string;
  readonly issued_on?: string;
  readonly fingerprint_sha256?: string;
}

export interface CustomHostnameSsl {
  /** The certificate pack id. */
  readonly id?: string;
  readonly status?: SslStatus;
  readonly bundle_method?: string;
  readonly certificate_authority?: string;
  readonly custom_certificate?: string;
  readonly expires_on?: string;
  readonly issuer?: string;
  readonly serial_number?: string;
  readonly signature?: string;
  readonly uploaded_on?: string;
  readonly hosts?: string[];
  readonly certificates?: PackCertificate[];
  readonly validation_errors?: { readonly message?: string }[];
}

export interface CustomHostname {
  readonly id: string;
  readonly hostname: string;
  readonly status?: HostnameStatus;
  readonly ssl?: CustomHostnameSsl;
  readonly created_at?: string;
  readonly verification_errors?: string[];
}

export interface TokenVerification {
  readonly id: string;
  readonly status: Open<'active' | 'disabled' | 'expired'>;
  readonly expires_on?: string;
  /** Which check accepted it: a user token, or an account-owned token (checked per account). */
  readonly kind: 'user' | 'account';
}

/**
 * The certificates of a custom hostname's pack: ssl.certificates when Cloudflare sends it, else the
 * single custom certificate described by the ssl object itself (the shape the schema documents).
 */
export function packCertificates(hostname: {
  readonly id: string;
  readonly ssl?: Pick<CustomHostnameSsl, 'id' | 'expires_on' | 'serial_number' | 'issuer' | 'signature' | 'uploaded_on'> & {
    readonly certificates?: readonly PackCertificate[];
  };
}): readonly PackCertificate[] {
  const ssl = hostname.ssl;
  if (!ssl) {
    return [];
  }
  if (Array.isArray(ssl.certificates)) {
    return ssl.certificates;
  }
  if (!ssl.expires_on && !ssl.serial_number) {
    return [];
  }
  return [
    {
      id: ssl.id ?? hostname.id,
      issuer: ssl.issuer,
      serial_number: ssl.serial_number,
      signature: ssl.signature,
      expires_on: ssl.expires_on,
      issued_on: ssl.uploaded_on,
    },
  ];
}
