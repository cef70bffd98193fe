import type { CasesContext } from '../../context';
import type { PartnersCall } from './partners-client';

/** A call to partners made for the request's end user (their identity travels with it). */
export function partnersCall(ctx: CasesContext): PartnersCall {
  return {
    keys: ctx.keys,
    partnersUrl: ctx.settings.partnersUrl,
    identityToken: ctx.identityToken,
    requestId: ctx.requestId,
    log: ctx.log,
  };
}
