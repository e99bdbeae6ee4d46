/** Exit codes, named. */
export const exitCodes = {
  ok: 0,
  /** The input was read, but K3s would refuse a registries.yaml (or a batch request was invalid). */
  invalidConfig: 1,
  /** Wrong arguments, unreadable files, unknown versions. */
  usage: 2,
  /** A bug: the message says what failed; no stack trace is printed. */
  internal: 3,
} as const;

/** An error caused by the user's input: printed as a message, never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
