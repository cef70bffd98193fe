import type { TimelineEvent } from '../../generated/prisma/client';

/**
 * A timeline event as it enters a response, carrying the organisations that may see it: the case's
 * coordinating organisation always; the receiving organisation only for events of its own referral
 * (null for case-level events). Field rules decide from these alone, whatever path led here.
 */
export type TimelineEventView = TimelineEvent & { coordinatingOrganisationId: string; organisationId: string | null };
