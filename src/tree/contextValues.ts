/**
 * Every contextValue the tree sets, in one place; package.json menus match on these. At most one
 * space-separated flag follows the kind (e.g. "association enabled").
 */
export const ContextValue = {
  /** A Cloudflare account grouping its zones (when the token sees more than one). */
  account: 'account',
  zone: 'zone',
  /** The zone-level Authenticated Origin Pulls switch, once loaded: the menu offers the other state. */
  zoneAopOn: 'zone aopOn',
  zoneAopOff: 'zone aopOff',
  aopGroup: 'aopGroup',
  aopCertificate: 'aopCertificate',
  /** Its hostnames are partly or wholly on a replacement: Finish Rotation and Undo Rotation apply. */
  aopCertificateRotating: 'aopCertificate rotating',
  /** A later copy for the same names serves none of its hostnames yet: Finish Rotation moves them all. */
  aopCertificateReplacementReady: 'aopCertificate replacementReady',
  associationEnabled: 'association enabled',
  associationDisabled: 'association disabled',
  customHostnames: 'customHostnames',
  /** A filter is on (Filter Custom Hostnames…): the inline Clear Filter applies. */
  customHostnamesFiltered: 'customHostnames filtered',
  customHostname: 'customHostname',
  certificatePack: 'certificatePack',
  packCertificate: 'packCertificate',
  /** The only certificate left in its pack: Delete stays offered and explains that Cloudflare keeps one. */
  packCertificateLast: 'packCertificate last',
  message: 'message',
  error: 'error',
  loadMore: 'loadMore',
} as const;
