import { callInternal } from '@haven/kit/src/http/internal-client';
import type { CasesContext } from '../context';

const BASE_URL = {
  identity: (ctx: CasesContext) => ctx.settings.identityUrl,
  consent: (ctx: CasesContext) => ctx.settings.consentUrl,
} as const;

/**
 * An internal route of identity or consent, called for this request: signed as cases, carrying the end
 * user's identity and the request id; a failure is logged with the route (never the body). Partners is
 * called through domain/referrals/partners-client.ts, which the jobs use without a request.
 */
export function callForRequest<T>(
  ctx: CasesContext,
  target: keyof typeof BASE_URL,
  route: string,
  body: unknown,
  timeoutMs?: number,
): Promise<T> {
  return callInternal<T>({
    keys: ctx.keys,
    target,
    baseUrl: BASE_URL[target](ctx),
    route,
    body,
    identityToken: ctx.identityToken,
    requestId: ctx.requestId,
    timeoutMs,
    onFailure: (failure) => ctx.log.warn('internal call failed', { ...failure, requestId: ctx.requestId }),
  });
}
