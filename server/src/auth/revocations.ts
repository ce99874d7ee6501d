/**
 * Token ids revoked by logout, kept until the token would have expired anyway.
 *
 * In memory, per process: the store has no sessions repository yet, so a logout is not seen by
 * another server process nor after a restart (access tokens are short-lived to bound that).
 */
export class Revocations {
  private readonly revoked = new Map<string, number>();

  revoke(jti: string, expiresAt: number, now: number): void {
    this.revoked.set(jti, expiresAt);
    if (this.revoked.size % 256 === 0) this.sweep(now);
  }

  isRevoked(jti: string | undefined): boolean {
    return jti !== undefined && this.revoked.has(jti);
  }

  private sweep(now: number): void {
    for (const [jti, until] of this.revoked) if (until < now) this.revoked.delete(jti);
  }
}
