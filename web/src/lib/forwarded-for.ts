import { isIP } from 'node:net';

/**
 * The browser's address, to pass on to the gateway (which limits anonymous requests — sign-ins — per client
 * address and believes the portal's X-Forwarded-For because the portal is its trusted proxy).
 *
 * Next.js gives the portal no socket address, only `x-forwarded-for`: a reverse proxy's value, or, when none
 * was sent, the socket's peer, which Next.js fills in. Only the last entry is taken — the one the hop right
 * in front of the portal wrote; anything before it is whatever the browser claimed. Where browsers reach the
 * portal directly, with no proxy that sets the header, a browser can claim any address here (Next.js keeps a
 * header it was sent): in production the portal belongs behind a reverse proxy (its TLS terminator) that
 * sets or appends X-Forwarded-For. Null when there is no usable address.
 */
export function forwardedClientAddress(forwardedFor: string | null): string | null {
  const last = forwardedFor?.split(',').at(-1)?.trim() ?? '';
  return isIP(last) === 0 ? null : last;
}
