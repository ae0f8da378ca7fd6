/**
 * Where the token and its marks are kept. Apart from the token store, so that activation (src/main.ts)
 * can tell whether there is a token to load the account for without loading the store's code.
 */
export const SECRET_KEY = 'cloudflareCertificates.apiToken';
export const REVISION_KEY = 'cloudflareCertificates.apiTokenRevision';
/** The shared mark in the extension's global state: the revision and presence of the last token a window saved or removed. */
export const MARK_KEY = 'cloudflareCertificates.tokenMark';
