import 'server-only';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorNotice } from '@/components/error-notice';
import type { GatewayFailure } from './gateway';
import { leaveIfSessionEnded } from './session';

/**
 * A page that names one record in its address (a case, a referral) and could not read it: an ended session
 * signs out, an id the API refused as such (one of `notFoundCodes`) is the page's 404 — so someone else's
 * record and no record look the same — and any other failure is shown calmly.
 */
export function failedRecordRead(failure: GatewayFailure, notFoundCodes: readonly string[]): ReactNode {
  leaveIfSessionEnded(failure);
  if (failure.kind === 'REJECTED' && notFoundCodes.includes(failure.code)) notFound();
  return <ErrorNotice failure={failure} />;
}
