import type { Prisma } from '../../generated/prisma/client';
import type { ReferralState, TimelineEventKind } from '../../generated/prisma/enums';

/** Who did something: a user of an organisation, or the system (null, null) — the expiry job, "placed elsewhere". */
export interface EventActor {
  userId: string | null;
  organisationId: string | null;
}

export const SYSTEM_ACTOR: EventActor = { userId: null, organisationId: null };

/** Appends one timeline event inside the caller's transaction, so the event and the change commit together. */
export async function appendTimelineEvent(
  tx: Prisma.TransactionClient,
  event: {
    caseId: string;
    referralId?: string | null;
    kind: TimelineEventKind;
    actor: EventActor;
    fromState?: ReferralState | null;
    toState?: ReferralState | null;
    reasonCode?: string | null;
    reasonText?: string;
    at?: Date;
  },
): Promise<void> {
  await tx.timelineEvent.create({
    data: {
      caseId: event.caseId,
      referralId: event.referralId ?? null,
      kind: event.kind,
      actorUserId: event.actor.userId,
      actorOrganisationId: event.actor.organisationId,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
      reasonCode: event.reasonCode ?? null,
      reasonText: event.reasonText ?? '',
      ...(event.at ? { at: event.at } : {}),
    },
  });
}
