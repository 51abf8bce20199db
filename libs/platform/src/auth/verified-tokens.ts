/** How many verified tokens are remembered (a few hundred bytes to a kilobyte each). */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Tokens whose signature and claims were verified already, by their exact text (the signature is
 * part of it), with what the check gave and the instant the token stops being accepted: the
 * signature check runs once per token instead of once per request. Oldest first out when full.
 */
export class VerifiedTokens<T> {
  private readonly verified = new Map<string, { value: T; acceptedUntil: number }>();

  /** What `verify` gave for this token, running it only when the token is not remembered (or has expired). */
  async get(
    token: string,
    nowMs: number,
    verify: () => Promise<{ value: T; acceptedUntil: number }>,
  ): Promise<T> {
    const known = this.verified.get(token);
    if (known && nowMs < known.acceptedUntil) return known.value;
    this.verified.delete(token);
    const checked = await verify();
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, checked);
    return checked.value;
  }
}
