/** Bad input to a link (a config or a toxic): the caller's mistake, never worth a retry. */
export class LinkInputError extends Error {
  override name = 'LinkInputError';
  readonly retriable = false;
  constructor(
    readonly code:
      | 'INVALID_LINK'
      | 'INVALID_TOXIC'
      | 'UNKNOWN_LINK'
      | 'UNKNOWN_TOXIC'
      | 'DUPLICATE_LINK',
    message: string,
  ) {
    super(message);
  }
}
