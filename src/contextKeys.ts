/** Every context key the extension sets, in one place: the `when` clauses of package.json read them. */
export const ContextKey = {
  hasToken: 'cloudflareCertificates.hasToken',
  tokenRejected: 'cloudflareCertificates.tokenRejected',
  secretStorageUnavailable: 'cloudflareCertificates.secretStorageUnavailable',
  tokenChangedElsewhere: 'cloudflareCertificates.tokenChangedElsewhere',
  editorHasPem: 'cloudflareCertificates.editorHasPem',
} as const;
