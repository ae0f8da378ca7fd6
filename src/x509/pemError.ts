export type PemErrorReason = 'encrypted' | 'wrong-passphrase' | 'unparseable' | 'unsupported-key-type' | 'not-a-key';

/** A certificate or key problem, in a sentence a person understands. Never carries key material. */
export class PemError extends Error {
  constructor(
    readonly reason: PemErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'PemError';
  }
}
