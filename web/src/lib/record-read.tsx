import 'server-only';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorNotice } from '@/components/error-notice';
import type { GatewayFailure } from './gateway';
import { leaveIfSessionEnded } from './session';

/** What the API answers for an id that names nothing the caller may see, or no id at all. */
const NOT_FOUND_CODES = ['NOT_FOUND', 'BAD_USER_INPUT'];

/**
 * A page that names one record in its address (a case, a referral) and could not read it: an ended session
 * signs out, an id the API refused as such is the page's 404 — so someone else's record and no record look
 * the same on every page — and any other failure is shown calmly.
 */
export function failedRecordRead(failure: GatewayFailure): ReactNode {
  leaveIfSessionEnded(failure);
  if (failure.kind === 'REJECTED' && NOT_FOUND_CODES.includes(failure.code)) notFound();
  return <ErrorNotice failure={failure} />;
}
