/** identity's CHALLENGE_LIFETIME_MS (domain/login-challenge.ts), in seconds: the challenge cookie lives no longer. */
export const CHALLENGE_LIFETIME_SECONDS = 300;

/** Where a finished sign-in goes: choosing an organisation first when the session has none and there are several. */
export function afterSignIn(activeOrganisation: { id: string } | null, memberships: readonly { organisation: { id: string } }[] | null): string {
  const organisationCount = new Set((memberships ?? []).map((m) => m.organisation.id)).size;
  return !activeOrganisation && organisationCount > 1 ? '/select-organisation' : '/';
}
