/**
 * The entry of the lazily loaded parser bundle (dist/x509.js): everything that needs @peculiar/x509.
 * Reach it through loadX509() or `import type`, never a value import from extension code.
 */
export { displayName, inspectCertificate, type CertificateInfo } from './certificateInfo';
export { prepareUpload, stripEcParameters, type UploadCheck, type UploadInput, type UploadMaterial } from './uploadMaterial';
export { useTranslations } from './translations';
