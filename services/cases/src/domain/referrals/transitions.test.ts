import { AppError } from '@haven/kit/src/errors';
import { ROLES } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { ReferralState } from '../../generated/prisma/enums';
import { referralSideOf } from '../referral-access';
import { planTransition, REFERRAL_ACTIONS, type ReferralAction, type ReferralActor } from './transitions';

// Every (state, action, actor) triple against the workflow of DESIGN.md, written out independently of the
// TRANSITIONS table so a wrong entry there fails here.
const ALLOWED: Record<string, string> = {
  'SENT ACCEPT PARTNER': 'ACCEPTED HOLD',
  'SENT DECLINE PARTNER': 'DECLINED NONE',
  'SENT WITHDRAW COORDINATOR': 'WITHDRAWN NONE',
  'SENT EXPIRE SYSTEM': 'EXPIRED NONE',
  'ACCEPTED RECORD_INTAKE PARTNER': 'IN_CARE NONE',
  'ACCEPTED WITHDRAW COORDINATOR': 'WITHDRAWN RELEASE',
  'ACCEPTED CANCEL PARTNER': 'CANCELLED RELEASE',
  'IN_CARE CLOSE PARTNER': 'CLOSED RELEASE',
};
const OWNER: Record<ReferralAction, ReferralActor> = {
  ACCEPT: 'PARTNER',
  DECLINE: 'PARTNER',
  RECORD_INTAKE: 'PARTNER',
  CANCEL: 'PARTNER',
  CLOSE: 'PARTNER',
  WITHDRAW: 'COORDINATOR',
  EXPIRE: 'SYSTEM',
};
const ACTORS: ReferralActor[] = ['COORDINATOR', 'PARTNER', 'SYSTEM'];

const triples = Object.values(ReferralState).flatMap((state) =>
  REFERRAL_ACTIONS.flatMap((action) => ACTORS.map((actor) => [state, action, actor] as const)),
);

describe('the referral state machine', () => {
  it.each(triples)('%s + %s by %s', (state, action, actor) => {
    const expected = ALLOWED[`${state} ${action} ${actor}`];
    let outcome: string;
    try {
      const plan = planTransition(state, action, actor);
      outcome = `${plan.to} ${plan.capacity}`;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      outcome = String((error as AppError).extensions.code);
    }
    if (expected) expect(outcome).toBe(expected);
    else expect(outcome).toBe(OWNER[action] === actor ? 'INVALID_TRANSITION' : 'FORBIDDEN');
  });

  it('covers 8 states × 7 actions × 3 actors', () => {
    expect(triples).toHaveLength(168);
  });

  it('names the state and action in a refusal, and nothing else', () => {
    const error = (() => {
      try {
        planTransition('DECLINED', 'ACCEPT', 'PARTNER');
      } catch (e) {
        return e as AppError;
      }
    })()!;
    expect(error.message).toBe('A referral that is declined cannot be accepted');
    expect(error.extensions).toEqual({ code: 'INVALID_TRANSITION', state: 'DECLINED', action: 'ACCEPT' });
  });
});

describe('the referral state machine by role and organisation (what transitionReferral composes)', () => {
  const referral = { organisationId: 'receiving-org', coordinatingOrganisationId: 'coordinating-org' };
  const organisations = ['coordinating-org', 'receiving-org', 'other-org'] as const;
  const who = (role: Identity['roles'][number], organisationId: string): Identity => ({
    subject: 'user',
    kind: 'user',
    sessionId: 'session',
    organisationId,
    roles: [role],
    scopes: [],
  });
  // Written out: only a coordinator of the coordinating organisation and partner staff/admin of the
  // receiving one are a side; everyone else is told the referral does not exist.
  const expectedSide = (role: string, organisationId: string): ReferralActor | null => {
    if (role === 'COORDINATOR' && organisationId === 'coordinating-org') return 'COORDINATOR';
    if ((role === 'PARTNER_STAFF' || role === 'PARTNER_ADMIN') && organisationId === 'receiving-org') return 'PARTNER';
    return null;
  };
  const cases = Object.values(ReferralState).flatMap((state) =>
    REFERRAL_ACTIONS.filter((action) => action !== 'EXPIRE').flatMap((action) =>
      ROLES.flatMap((role) => organisations.map((organisation) => [state, action, role, organisation] as const)),
    ),
  );

  it.each(cases)('%s + %s by %s of %s', (state, action, role, organisation) => {
    const side = referralSideOf(who(role, organisation), referral);
    const expected = expectedSide(role, organisation);
    expect(side).toBe(expected);
    if (!side) return; // transitionReferral answers NOT_FOUND before anything else
    let outcome: string;
    try {
      outcome = planTransition(state, action, side).to;
    } catch (error) {
      outcome = String((error as AppError).extensions.code);
    }
    const allowed = ALLOWED[`${state} ${action} ${side}`];
    expect(outcome).toBe(allowed ? allowed.split(' ')[0] : OWNER[action] === side ? 'INVALID_TRANSITION' : 'FORBIDDEN');
  });
});
