/**
 * Every command id, in one place: package.json declares them, activation registers them (src/main.ts),
 * commandHandlers.ts has a handler for each (its type requires one per id), and a unit test holds
 * package.json and this table together. Code names a command through this table, never a literal.
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
  copyPem: 'cloudflareCertificates.copyPem',
  saveCertificateAs: 'cloudflareCertificates.saveCertificateAs',
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
  compareWorkspace: 'cloudflareCertificates.compareWorkspace',
  revealInWorkspace: 'cloudflareCertificates.revealInWorkspace',
  refreshWorkspace: 'cloudflareCertificates.refreshWorkspace',
  rotateOnCloudflare: 'cloudflareCertificates.rotateOnCloudflare',
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
