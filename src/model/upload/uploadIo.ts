/**
 * What the upload planner needs from outside, in the smallest shape it can use: an extension
 * implements these with its editor's API, a test with a few maps. A location is opaque to the
 * planner (the extension uses URI strings); only the reader turns it into a file.
 */

/** The text of a certificate or key document, and where it came from. */
export interface UploadSource {
  readonly text: string;
  /** For messages: the file name or "Untitled-1". */
  readonly name: string;
  /** Where the text came from, when it has a place (an untitled editor has one; a pasted text would not). */
  readonly location?: string;
  /** A key file found beside the certificate by its name (api.crt → api.key). */
  readonly sibling?: boolean;
}

/** Files by location. */
export interface FileReader {
  /** The name shown in messages: the last segment of the location's path. */
  nameOf(location: string): string;
  /** The location of `fileName` in the folder that holds `location`. */
  beside(location: string, fileName: string): string;
  /** The size in bytes; rejects when the file does not exist or cannot be read. */
  size(location: string): Promise<number>;
  read(location: string): Promise<Uint8Array>;
}

/** The documents open in the editor, whose text (with unsaved edits) wins over the file's bytes. */
export interface OpenDocuments {
  textAt(location: string): string | undefined;
  /** Every open text document a person could have put a key in (no output channels). */
  all(): readonly { readonly location: string; readonly text: string }[];
}

/** A passphrase to ask in a password box: the private key's, or a PKCS#12 bundle's. */
export type PassphraseRequest =
  | { readonly of: 'key'; readonly keyName?: string; readonly retry: boolean }
  | { readonly of: 'bundle'; readonly bundleName: string; readonly retry: boolean };

/** The questions an upload may ask; each resolves to undefined or false when the person cancels. */
export interface UploadQuestions {
  /** The last resort for a certificate that came alone: the location of its key file. */
  pickKeyFile(certificateName: string): Promise<string | undefined>;
  askPassphrase(request: PassphraseRequest): Promise<string | undefined>;
  /** An expired or not yet valid certificate: `problems` are the checks' sentences. */
  acceptOutsideValidity(problems: string, certificateName: string): Promise<boolean>;
  /** The key's EC PARAMETERS block, which Cloudflare refuses, is left out of what is sent. */
  acceptEcParametersStripped(): Promise<boolean>;
}

export interface UploadIo {
  readonly files: FileReader;
  readonly documents: OpenDocuments;
  readonly questions: UploadQuestions;
}
