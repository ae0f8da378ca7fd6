import * as aop from './aopCertificateEndpoints';
import { CloudflareTransport, type EntryPage } from './cloudflareTransport';
import type { CustomHostnameSearch } from './customHostnameQuery';
import * as customHostnames from './customHostnameEndpoints';
import * as associations from './hostnameAssociationEndpoints';
import * as packs from './packCertificateEndpoints';
import type { AssociationChange, CustomHostname, HostnameAssociation, HostnameCertificate, Page, TokenVerification, Zone } from './types';
import * as zones from './zoneEndpoints';

export { checkBaseUrl } from './baseUrl';
export type { CloudflareClientOptions } from './cloudflareTransport';
export { parseRetryAfter } from './envelope';

/**
 * The one seam to Cloudflare's API v4: every endpoint the extension uses, each taking an AbortSignal.
 * The transport it extends is the single place that sends, retries, unwraps the envelope and maps
 * errors; the endpoints live one file per resource. This class is the list of what the extension
 * may ask Cloudflare, in one place, and the type the model and its fakes are written against.
 */
export class CloudflareClient extends CloudflareTransport {
  verifyToken(signal?: AbortSignal): Promise<TokenVerification> {
    return zones.verifyToken(this, signal);
  }

  listZones(signal?: AbortSignal): Promise<Zone[]> {
    return zones.listZones(this, signal);
  }

  listHostnameCertificates(zoneId: string, signal?: AbortSignal): Promise<HostnameCertificate[]> {
    return aop.listHostnameCertificates(this, zoneId, signal);
  }

  getHostnameCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<HostnameCertificate> {
    return aop.getHostnameCertificate(this, zoneId, certificateId, signal);
  }

  uploadHostnameCertificate(
    zoneId: string,
    body: { certificate: string; private_key: string },
    signal?: AbortSignal,
  ): Promise<HostnameCertificate> {
    return aop.uploadHostnameCertificate(this, zoneId, body, signal);
  }

  deleteHostnameCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<HostnameCertificate | undefined> {
    return aop.deleteHostnameCertificate(this, zoneId, certificateId, signal);
  }

  listHostnameAssociations(zoneId: string, signal?: AbortSignal): Promise<HostnameAssociation[]> {
    return associations.listHostnameAssociations(this, zoneId, signal);
  }

  getHostnameAssociation(zoneId: string, hostname: string, signal?: AbortSignal): Promise<HostnameAssociation> {
    return associations.getHostnameAssociation(this, zoneId, hostname, signal);
  }

  updateHostnameAssociations(zoneId: string, config: readonly AssociationChange[], signal?: AbortSignal): Promise<HostnameAssociation[]> {
    return associations.updateHostnameAssociations(this, zoneId, config, signal);
  }

  getAopSettings(zoneId: string, signal?: AbortSignal): Promise<{ enabled: boolean }> {
    return associations.getAopSettings(this, zoneId, signal);
  }

  setAopSettings(zoneId: string, enabled: boolean, signal?: AbortSignal): Promise<{ enabled: boolean }> {
    return associations.setAopSettings(this, zoneId, enabled, signal);
  }

  listCustomHostnamesPage(zoneId: string, page: number, perPage: number, signal?: AbortSignal): Promise<Page<CustomHostname>> {
    return customHostnames.listCustomHostnamesPage(this, zoneId, page, perPage, signal);
  }

  listCustomHostnameEntries(zoneId: string, page: number, perPage: number, signal?: AbortSignal): Promise<EntryPage<CustomHostname>> {
    return customHostnames.listCustomHostnameEntries(this, zoneId, page, perPage, signal);
  }

  searchCustomHostnames(
    zoneId: string,
    search: CustomHostnameSearch,
    page: number,
    perPage: number,
    signal?: AbortSignal,
  ): Promise<Page<CustomHostname>> {
    return customHostnames.searchCustomHostnames(this, zoneId, search, page, perPage, signal);
  }

  listCustomHostnames(zoneId: string, signal?: AbortSignal): Promise<CustomHostname[]> {
    return customHostnames.listCustomHostnames(this, zoneId, signal);
  }

  getCustomHostname(zoneId: string, customHostnameId: string, signal?: AbortSignal): Promise<CustomHostname> {
    return customHostnames.getCustomHostname(this, zoneId, customHostnameId, signal);
  }

  replacePackCertificate(
    zoneId: string,
    customHostnameId: string,
    packId: string,
    certificateId: string,
    body: { custom_certificate: string; custom_key: string },
    signal?: AbortSignal,
  ): Promise<CustomHostname> {
    return packs.replacePackCertificate(this, { zoneId, customHostnameId, packId, certificateId }, body, signal);
  }

  deletePackCertificate(
    zoneId: string,
    customHostnameId: string,
    packId: string,
    certificateId: string,
    signal?: AbortSignal,
  ): Promise<void> {
    return packs.deletePackCertificate(this, { zoneId, customHostnameId, packId, certificateId }, signal);
  }
}
