/**
 * Every contextValue the tree sets, in one place; package.json menus match on these. At most one
 * space-separated flag follows the kind (e.g. "association enabled").
 */
export const ContextValue = {
  zone: 'zone',
  aopGroup: 'aopGroup',
  aopCertificate: 'aopCertificate',
  associationEnabled: 'association enabled',
  associationDisabled: 'association disabled',
  customHostnames: 'customHostnames',
  customHostname: 'customHostname',
  certificatePack: 'certificatePack',
  packCertificate: 'packCertificate',
  /** The only certificate left in its pack: Cloudflare refuses to delete it, so the menu hides Delete. */
  packCertificateLast: 'packCertificate last',
  message: 'message',
  error: 'error',
  loadMore: 'loadMore',
} as const;
