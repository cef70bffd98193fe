import type { Logger } from '@haven/kit/src/log';
import type { RequestRecord } from '@haven/kit/src/metrics/request-record';

/** What the gateway knows about one client request while it plans and fetches. */
export interface GatewayContext {
  requestId: string;
  /** Identity's signed, short-lived identity for the caller; null for an anonymous caller. */
  identityToken: string | null;
  /** Where the request comes from (client-address.ts): rate limits only, never logged. */
  clientAddress: string;
  log: Logger;
  /** This request's access-log line and metrics; the observer plugin notes the operation on it. */
  requestRecord?: RequestRecord;
}
