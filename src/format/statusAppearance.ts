import * as l10n from '@vscode/l10n';
/**
 * How each status Cloudflare returns looks in the tree: a codicon, a theme colour and words. Pure data
 * (no vscode import) so a unit test can hold it to every enum value in Cloudflare's published schema.
 */
export interface StatusAppearance {
  readonly icon: string;
  readonly color?: string;
  readonly label: string;
}

const GOOD = 'testing.iconPassed';
const BUSY = 'charts.blue';
const WARN = 'list.warningForeground';
const BAD = 'list.errorForeground';
const QUIET = 'disabledForeground';

const pending = (label: string): StatusAppearance => ({ icon: 'sync', color: BUSY, label });
const timedOut = (label: string): StatusAppearance => ({ icon: 'warning', color: WARN, label });

/** Authenticated Origin Pulls certificate and association statuses. */
export const AOP_STATUS: Readonly<Record<string, StatusAppearance>> = {
  initializing: pending('Initializing'),
  pending_deployment: pending('Pending deployment'),
  pending_deletion: { icon: 'trash', color: BUSY, label: 'Pending deletion' },
  active: { icon: 'pass-filled', color: GOOD, label: 'Active' },
  deleted: { icon: 'trash', color: QUIET, label: 'Deleted' },
  deployment_timed_out: timedOut('Deployment timed out'),
  deletion_timed_out: timedOut('Deletion timed out'),
};

/** Custom hostname SSL (certificate pack) statuses. */
export const SSL_STATUS: Readonly<Record<string, StatusAppearance>> = {
  initializing: pending('Initializing'),
  pending_validation: pending('Pending validation'),
  pending_issuance: pending('Pending issuance'),
  pending_deployment: pending('Pending deployment'),
  pending_deletion: { icon: 'trash', color: BUSY, label: 'Pending deletion' },
  pending_expiration: { icon: 'history', color: WARN, label: 'Pending expiration' },
  pending_cleanup: pending('Pending clean-up'),
  expired: { icon: 'error', color: BAD, label: 'Expired' },
  active: { icon: 'lock', color: GOOD, label: 'Active' },
  deleted: { icon: 'trash', color: QUIET, label: 'Deleted' },
  initializing_timed_out: timedOut('Initialization timed out'),
  validation_timed_out: timedOut('Validation timed out'),
  issuance_timed_out: timedOut('Issuance timed out'),
  deployment_timed_out: timedOut('Deployment timed out'),
  deletion_timed_out: timedOut('Deletion timed out'),
  staging_deployment: pending('Staging deployment'),
  staging_active: { icon: 'beaker', color: GOOD, label: 'Active in staging' },
  deactivating: pending('Deactivating'),
  inactive: { icon: 'circle-outline', color: QUIET, label: 'Inactive' },
  backup_issued: { icon: 'shield', color: BUSY, label: 'Backup issued' },
  holding_deployment: { icon: 'debug-pause', color: WARN, label: 'Holding deployment' },
};

/** Custom hostname statuses. */
export const HOSTNAME_STATUS: Readonly<Record<string, StatusAppearance>> = {
  active: { icon: 'globe', color: GOOD, label: 'Active' },
  pending: pending('Pending'),
  active_redeploying: pending('Active, redeploying'),
  moved: { icon: 'arrow-right', color: WARN, label: 'Moved' },
  pending_deletion: { icon: 'trash', color: BUSY, label: 'Pending deletion' },
  deleted: { icon: 'trash', color: QUIET, label: 'Deleted' },
  pending_blocked: { icon: 'circle-slash', color: WARN, label: 'Pending, blocked' },
  pending_migration: pending('Pending migration'),
  pending_provisioned: pending('Pending provisioning'),
  test_pending: { icon: 'beaker', color: BUSY, label: 'Test pending' },
  test_active: { icon: 'beaker', color: GOOD, label: 'Test active' },
  test_active_apex: { icon: 'beaker', color: GOOD, label: 'Test active (apex)' },
  test_blocked: { icon: 'beaker', color: BAD, label: 'Test blocked' },
  test_failed: { icon: 'beaker', color: BAD, label: 'Test failed' },
  provisioned: { icon: 'pass', color: GOOD, label: 'Provisioned' },
  blocked: { icon: 'circle-slash', color: BAD, label: 'Blocked' },
};

/** Zone statuses (GET /zones). */
export const ZONE_STATUS: Readonly<Record<string, StatusAppearance>> = {
  active: { icon: 'cloud', color: GOOD, label: 'Active' },
  pending: { icon: 'cloud', color: BUSY, label: 'Pending' },
  initializing: { icon: 'cloud', color: BUSY, label: 'Initializing' },
  moved: { icon: 'cloud', color: WARN, label: 'Moved' },
};

let translated: Readonly<Record<string, string>> | undefined;

/**
 * The tables above hold the English words; these are the same words in the display language. Built
 * on first use, after activation has given @vscode/l10n its bundle (the tables load before that).
 */
function inWords(label: string): string {
  translated ??= {
    Initializing: l10n.t('Initializing'),
    'Pending deployment': l10n.t('Pending deployment'),
    'Pending deletion': l10n.t('Pending deletion'),
    Active: l10n.t('Active'),
    Deleted: l10n.t('Deleted'),
    'Deployment timed out': l10n.t('Deployment timed out'),
    'Deletion timed out': l10n.t('Deletion timed out'),
    'Pending validation': l10n.t('Pending validation'),
    'Pending issuance': l10n.t('Pending issuance'),
    'Pending expiration': l10n.t('Pending expiration'),
    'Pending clean-up': l10n.t('Pending clean-up'),
    Expired: l10n.t('Expired'),
    'Initialization timed out': l10n.t('Initialization timed out'),
    'Validation timed out': l10n.t('Validation timed out'),
    'Issuance timed out': l10n.t('Issuance timed out'),
    'Staging deployment': l10n.t('Staging deployment'),
    'Active in staging': l10n.t('Active in staging'),
    Deactivating: l10n.t('Deactivating'),
    Inactive: l10n.t('Inactive'),
    'Backup issued': l10n.t('Backup issued'),
    'Holding deployment': l10n.t('Holding deployment'),
    Pending: l10n.t('Pending'),
    'Active, redeploying': l10n.t('Active, redeploying'),
    Moved: l10n.t('Moved'),
    'Pending, blocked': l10n.t('Pending, blocked'),
    'Pending migration': l10n.t('Pending migration'),
    'Pending provisioning': l10n.t('Pending provisioning'),
    'Test pending': l10n.t('Test pending'),
    'Test active': l10n.t('Test active'),
    'Test active (apex)': l10n.t('Test active (apex)'),
    'Test blocked': l10n.t('Test blocked'),
    'Test failed': l10n.t('Test failed'),
    Provisioned: l10n.t('Provisioned'),
    Blocked: l10n.t('Blocked'),
  };
  return translated[label] ?? label;
}

/** A status this version does not know yet (Cloudflare adds values): neutral, never a crash. */
export function appearanceOf(table: Readonly<Record<string, StatusAppearance>>, status: string | undefined | null): StatusAppearance {
  if (status && Object.prototype.hasOwnProperty.call(table, status)) {
    const known = table[status];
    return { ...known, label: inWords(known.label) };
  }
  if (!status) {
    return { icon: 'circle-large-outline', label: l10n.t('Unknown') };
  }
  const words = status.replace(/_/g, ' ');
  return { icon: 'circle-large-outline', label: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** Statuses that will change by themselves, so an operation polls until they settle. */
export function isTransitional(status: string | undefined | null): boolean {
  return status === 'initializing' || (status?.startsWith('pending_') ?? false) || status === 'pending';
}
