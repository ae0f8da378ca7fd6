/** A refusal the emulator answers with Cloudflare's v4 error envelope. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, code = 1404) => new ApiFailure(404, code, `${what} not found.`);
