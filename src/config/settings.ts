import * as vscode from 'vscode';

export const SECTION = 'cloudflareCertificates';
export const DEFAULT_API_BASE_URL = 'https://api.cloudflare.com/client/v4';

/**
 * The API base URL from user (application) settings only. The setting is application-scoped, and we
 * read the global value explicitly as well, so a workspace or folder value can never redirect the token.
 */
export function apiBaseUrl(): string {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<string>('apiBaseUrl');
  return inspected?.globalValue?.trim() || DEFAULT_API_BASE_URL;
}

export interface ExpiryWindow {
  readonly warningDays: number;
  readonly criticalDays: number;
}

export function expiryWindow(): ExpiryWindow {
  const config = vscode.workspace.getConfiguration(SECTION);
  const warningDays = Math.max(0, config.get<number>('expiryWarningDays', 30));
  const criticalDays = Math.min(warningDays, Math.max(0, config.get<number>('expiryCriticalDays', 7)));
  return { warningDays, criticalDays };
}

/** Hours between the expiry watch's background checks; 0 turns it off. */
export function expiryCheckIntervalHours(): number {
  const hours = vscode.workspace.getConfiguration(SECTION).get<number>('expiryCheckIntervalHours', 12);
  return Number.isFinite(hours) ? Math.max(0, hours) : 12;
}

/** Zones under their accounts when the token sees more than one account (on by default). */
export function groupZonesByAccount(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('groupZonesByAccount', true) !== false;
}
