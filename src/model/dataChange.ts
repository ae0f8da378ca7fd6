/**
 * The parts of a zone's data that load and change independently. `customHostnameCount` is Cloudflare's
 * count of the zone's custom hostnames, known from the first page a view asks for, long before the
 * whole list has loaded (if it ever does).
 */
export type DataPart = 'aop' | 'customHostnames' | 'aopSettings' | 'customHostnameCount';

/**
 * What changed in the loaded data. `zoneId` undefined means everything (a full reload). `itemId` narrows
 * it to one certificate or custom hostname when the change touched only that. `cause` says why:
 * a first load settling, a reload asked for by the user, or an operation that changed Cloudflare.
 */
export interface DataChange {
  readonly zoneId?: string;
  readonly part?: DataPart;
  readonly itemId?: string;
  readonly cause: 'load' | 'reload' | 'operation';
}
