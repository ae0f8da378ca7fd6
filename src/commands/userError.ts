/** A problem the user can fix, already in words: shown as is, with nothing sent. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
