import { builder } from '../builder';
import type { TimelineEventView } from '../domain/referrals/views';
import { OrganisationRef } from './organisation';
import { ReferralStateEnum, TimelineEventKindEnum } from './referral-enums';
import { UserRef } from './user';

/** One step in the history of a case or referral: who (user and organisation, or the system), when, from → to, why. */
export const TimelineEventObject = builder.objectRef<TimelineEventView>('TimelineEvent').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: TimelineEventKindEnum }),
    at: t.expose('at', { type: 'DateTime' }),
    referralId: t.exposeID('referralId', { nullable: true }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'null: the system acted (a deadline passed, or the person was placed elsewhere).',
      resolve: (event) => (event.actorUserId ? { id: event.actorUserId } : null),
    }),
    actorOrganisation: t.field({
      type: OrganisationRef,
      nullable: true,
      resolve: (event) => (event.actorOrganisationId ? { id: event.actorOrganisationId } : null),
    }),
    subject: t.field({
      type: UserRef,
      nullable: true,
      description: 'The user the event is about when not the actor: the new coordinator of a hand-over.',
      resolve: (event) => (event.subjectUserId ? { id: event.subjectUserId } : null),
    }),
    fromState: t.expose('fromState', { type: ReferralStateEnum, nullable: true }),
    toState: t.expose('toState', { type: ReferralStateEnum, nullable: true }),
    reasonCode: t.exposeString('reasonCode', {
      nullable: true,
      description: 'A decline reason, an outcome, PLACED_ELSEWHERE or DEADLINE_PASSED.',
    }),
    reasonText: t.exposeString('reasonText'),
  }),
});
