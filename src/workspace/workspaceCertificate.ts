import type { CertificateFacts } from '../x509/certificateFacts';

/** One certificate found in a workspace file, with the offsets of its block. */
export interface WorkspaceCertificate {
  /** The file's path relative to the workspace, for display and reports. */
  readonly file: string;
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  /** 0-based line of the block's start, to open the file there. */
  readonly line: number;
  readonly facts: CertificateFacts;
}
