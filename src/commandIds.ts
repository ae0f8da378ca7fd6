/**
 * Every command id, in one place: package.json declares them, extension.ts registers them, and a
 * unit test holds the two together. Code names a command through this table, never a literal.
 */
export const CommandId = {
  setToken: 'cloudflareCertificates.setToken',
  clearToken: 'cloudflareCertificates.clearToken',
  refresh: 'cloudflareCertificates.refresh',
  refreshNode: 'cloudflareCertificates.refreshNode',
  uploadFromEditor: 'cloudflareCertificates.uploadFromEditor',
  uploadFromFile: 'cloudflareCertificates.uploadFromFile',
  replacePackCertificate: 'cloudflareCertificates.replacePackCertificate',
  deleteCertificate: 'cloudflareCertificates.deleteCertificate',
  showDetails: 'cloudflareCertificates.showDetails',
  copyId: 'cloudflareCertificates.copyId',
  openInDashboard: 'cloudflareCertificates.openInDashboard',
  enableForHostname: 'cloudflareCertificates.enableForHostname',
  disableForHostname: 'cloudflareCertificates.disableForHostname',
  showExpiring: 'cloudflareCertificates.showExpiring',
  retryNode: 'cloudflareCertificates.retryNode',
  loadMore: 'cloudflareCertificates.loadMore',
  enableZoneAop: 'cloudflareCertificates.enableZoneAop',
  disableZoneAop: 'cloudflareCertificates.disableZoneAop',
  rotateCertificate: 'cloudflareCertificates.rotateCertificate',
  finishRotation: 'cloudflareCertificates.finishRotation',
  undoRotation: 'cloudflareCertificates.undoRotation',
  addHostname: 'cloudflareCertificates.addHostname',
  removeHostname: 'cloudflareCertificates.removeHostname',
  revealCertificate: 'cloudflareCertificates.revealCertificate',
  findCustomHostname: 'cloudflareCertificates.findCustomHostname',
  findZone: 'cloudflareCertificates.findZone',
  filterCustomHostnames: 'cloudflareCertificates.filterCustomHostnames',
  clearCustomHostnameFilter: 'cloudflareCertificates.clearCustomHostnameFilter',
} as const;
