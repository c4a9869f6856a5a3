/** A token name, role or project list that cannot be stored; the message says what to change. */
export class InvalidTokenInputError extends Error {
  override readonly name = 'InvalidTokenInputError';
}

/** A live token already has this name. Names are reusable once that token is revoked. */
export class DuplicateTokenNameError extends Error {
  override readonly name = 'DuplicateTokenNameError';
  constructor(readonly tokenName: string) {
    super(`a token named "${tokenName}" already exists; pick another name, or revoke it first (donegate token revoke ${tokenName})`);
  }
}
