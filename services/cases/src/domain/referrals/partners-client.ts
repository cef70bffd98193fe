import { callInternal } from '@haven/kit/src/http/internal-client';
import type { Logger } from '@haven/kit/src/log';
import type { ServiceType } from '@haven/kit/src/taxonomy';
import type { PartKeys } from '@haven/kit/src/trust/keys';

/**
 * The partners service's internal routes as the cases service uses them (contract:
 * services/partners/src/internal-routes.ts; services never import each other, so the types are ours).
 * A refusal comes back as AppError with partners' code (CAPACITY_FULL, NOT_FOUND, CONFLICT…); no answer
 * as AppError SERVICE_UNAVAILABLE, which the caller may retry.
 */
export interface PartnersCall {
  keys: PartKeys;
  partnersUrl: string;
  /** The end user's identity token; null for the service's own jobs. */
  identityToken: string | null;
  requestId?: string;
  log: Logger;
}

export interface ServiceDescription {
  serviceId: string;
  organisationId: string;
  type: ServiceType;
  acceptingReferrals: boolean;
}

export interface LiveHold {
  referralId: string;
  serviceId: string;
  heldAt: string;
}

export type ResponseOutcome = 'ACCEPTED' | 'DECLINED' | 'EXPIRED';

const TIMEOUT_MS = 5_000;

function call<T>(options: PartnersCall, route: string, body: unknown): Promise<T> {
  return callInternal<T>({
    keys: options.keys,
    target: 'partners',
    baseUrl: options.partnersUrl,
    route,
    body,
    identityToken: options.identityToken,
    requestId: options.requestId,
    timeoutMs: TIMEOUT_MS,
    onFailure: (failure) => options.log.warn('internal call failed', { ...failure, requestId: options.requestId }),
  });
}

export const partnersClient = {
  describeService: (options: PartnersCall, serviceId: string) => call<ServiceDescription>(options, 'describe-service', { serviceId }),
  holdSlot: (options: PartnersCall, serviceId: string, referralId: string) =>
    call<{ held: true; heldSlots: number; totalSlots: number }>(options, 'hold-slot', { serviceId, referralId }),
  releaseSlot: (options: PartnersCall, referralId: string) => call<{ released: boolean }>(options, 'release-slot', { referralId }),
  liveHolds: (options: PartnersCall, after: string | undefined, limit: number) =>
    call<{ holds: LiveHold[] }>(options, 'live-holds', { after, limit }),
  recordResponse: (
    options: PartnersCall,
    report: { referralId: string; serviceId: string; outcome: ResponseOutcome; sentAt: Date; respondedAt: Date },
  ) =>
    call<{ recorded: boolean }>(options, 'record-response', {
      ...report,
      sentAt: report.sentAt.toISOString(),
      respondedAt: report.respondedAt.toISOString(),
    }),
};
