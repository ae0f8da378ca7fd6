/** The tool names, as package.json's languageModelTools declares them. */
export const ToolName = {
  listExpiring: 'cloudflareCertificates_listExpiring',
  describeCertificate: 'cloudflareCertificates_describeCertificate',
  findCustomHostname: 'cloudflareCertificates_findCustomHostname',
  checkPem: 'cloudflareCertificates_checkPem',
  rotateCertificate: 'cloudflareCertificates_rotateCertificate',
} as const;

export type ToolName = (typeof ToolName)[keyof typeof ToolName];
