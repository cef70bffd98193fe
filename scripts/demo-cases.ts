/**
 * The demo cases `npm start` seeds for the demo coordinating centre, next to the demo network: twelve
 * fictional cases across urgencies, ages (minors included), genders, languages and places, with a little
 * personal data ("Demo Persoon 1", reserved `.example`-style phone numbers), consent records and referrals
 * to the demo partner accounts' organisations in every state, so the coordinator dashboard, the partner
 * inbox and the timeline have something to show on first start.
 *
 * Deterministic ids (names → version-5 UUIDs); every moment is relative to `now` (the seeding time), so a
 * referral that is "due in half an hour" is that on every machine. Plain data: the services' own seed
 * functions write it through their own roles (scripts/stack/seed.ts).
 */
import type { Province } from '@haven/kit/src/taxonomy';
import { COORDINATING_CENTRE, type DemoNetwork, type DemoService } from './demo-network';
import { stableUuid } from './stack/stable-uuid';

export type DemoUrgency = 'IMMEDIATE' | 'URGENT' | 'STANDARD';
export type DemoNeed = DemoService['type'];
export type DemoReferralState = 'SENT' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED' | 'IN_CARE' | 'CANCELLED' | 'CLOSED';
export type DemoVaultCategory = 'IDENTITY' | 'CONTACT' | 'HEALTH' | 'CASE_NOTES';
export type DemoSide = 'COORDINATOR' | 'PARTNER';
export type DemoTimelineKind =
  | 'CASE_OPENED'
  | 'CASE_CLOSED'
  | 'REFERRAL_SENT'
  | 'REFERRAL_ACCEPTED'
  | 'REFERRAL_DECLINED'
  | 'REFERRAL_WITHDRAWN'
  | 'REFERRAL_IN_CARE'
  | 'REFERRAL_CLOSED';

/** Exactly the cases Case columns the seed writes. */
export interface DemoCaseRow {
  id: string;
  reference: string;
  urgency: DemoUrgency;
  needs: DemoNeed[];
  status: 'OPEN' | 'CLOSED';
  coordinatingOrganisationId: string;
  coordinatorUserId: string;
  age: number | null;
  ageGroup: 'UNDER_16' | 'AGE_16_17' | 'AGE_18_23' | 'AGE_24_PLUS' | null;
  gender: 'FEMALE' | 'MALE' | 'NON_BINARY' | null;
  languages: string[];
  exploitationType: 'SEXUAL' | 'LABOUR' | 'CRIMINAL' | 'OTHER' | null;
  province: Province | null;
  place: string;
  createdAt: Date;
  closedAt: Date | null;
  closedByUserId: string | null;
}
/** One plaintext vault field; sealed by the cases service's own writeVaultFields. */
export interface DemoVaultValue {
  caseId: string;
  field: string;
  category: DemoVaultCategory;
  value: string;
}
/** Exactly the cases Referral columns the seed writes; responseReportedAt stays empty (see seed-cases.ts). */
export interface DemoReferralRow {
  id: string;
  caseId: string;
  serviceId: string;
  need: DemoNeed;
  organisationId: string;
  coordinatingOrganisationId: string;
  state: DemoReferralState;
  sentAt: Date;
  sentByUserId: string;
  deadlineAt: Date;
  respondedAt: Date | null;
  intakeAt: Date | null;
  endedAt: Date | null;
  declineReason: 'NO_CAPACITY' | 'NOT_ELIGIBLE' | 'CLIENT_NOT_REACHABLE' | 'SAFETY_CONCERN' | 'OTHER' | null;
  outcome: 'COMPLETED' | 'CLIENT_LEFT' | 'TRANSFERRED' | 'REFERRED_ELSEWHERE' | 'OTHER' | null;
  reasonText: string;
}
export interface DemoTimelineRow {
  id: string;
  caseId: string;
  referralId: string | null;
  kind: DemoTimelineKind;
  at: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  fromState: DemoReferralState | null;
  toState: DemoReferralState | null;
  reasonCode: string | null;
  reasonText: string;
}
/** A message with its plaintext body; sealed by the cases service with the message's own id as additional data. */
export interface DemoMessage {
  id: string;
  referralId: string;
  side: DemoSide;
  authorUserId: string;
  authorOrganisationId: string;
  body: string;
  sentAt: Date;
}
export interface DemoMessageRead {
  referralId: string;
  side: DemoSide;
  lastReadAt: Date;
}
/** One version of a consent record, as the consent ConsentRecord table takes it. */
export interface DemoConsentRow {
  id: string;
  recordId: string;
  version: number;
  caseId: string;
  status: 'ACTIVE' | 'WITHDRAWN';
  legalBasis: 'CONSENT_CLIENT' | 'CONSENT_GUARDIAN' | 'VITAL_INTEREST' | 'STATUTORY';
  justification: string | null;
  categories: DemoVaultCategory[];
  wholeNetwork: boolean;
  recipientOrganisationIds: string[];
  purposes: ('REFERRAL_CARE' | 'STATISTICS')[];
  givenBy: 'CLIENT' | 'GUARDIAN';
  givenHow: 'VERBAL' | 'WRITTEN' | 'DIGITAL';
  recordedByUserId: string;
  recordedByOrganisationId: string;
  validFrom: Date;
  validUntil: Date | null;
  createdAt: Date;
}
/**
 * A slot hold in partners for a referral that holds one (ACCEPTED, IN_CARE: live), or held one before it
 * ended (CLOSED: released). Capacity.heldSlots must equal the live holds of each service.
 */
export interface DemoHold {
  referralId: string;
  serviceId: string;
  heldAt: Date;
  heldByUserId: string;
  releasedAt: Date | null;
  releasedByUserId: string | null;
}
export interface DemoCases {
  cases: DemoCaseRow[];
  vault: DemoVaultValue[];
  referrals: DemoReferralRow[];
  timeline: DemoTimelineRow[];
  messages: DemoMessage[];
  reads: DemoMessageRead[];
  consents: DemoConsentRow[];
  holds: DemoHold[];
}

/** The answer deadlines `npm start` runs with (services/cases/src/config.ts DEFAULT_DEADLINE_HOURS). */
export const DEMO_DEADLINE_HOURS: Record<DemoUrgency, number> = { IMMEDIATE: 2, URGENT: 24, STANDARD: 72 };
const HOUR_MS = 60 * 60 * 1000;
const HOLDING: readonly DemoReferralState[] = ['ACCEPTED', 'IN_CARE'];
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A stable reference in the cases format (HVN- and eight characters of the phone-safe alphabet). */
export function demoReference(key: string): string {
  const bytes = Buffer.from(stableUuid(`case-reference:${key}`).replace(/-/g, ''), 'hex');
  let out = 'HVN-';
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[bytes[i]! % REFERENCE_ALPHABET.length];
  return out;
}

function ageGroupOf(age: number): NonNullable<DemoCaseRow['ageGroup']> {
  if (age < 16) return 'UNDER_16';
  if (age < 18) return 'AGE_16_17';
  if (age <= 23) return 'AGE_18_23';
  return 'AGE_24_PLUS';
}

/** One step after sending; `hoursAgo` relative to the seed. */
type Step =
  | { to: 'ACCEPTED' | 'IN_CARE'; hoursAgo: number }
  | { to: 'DECLINED'; hoursAgo: number; reason: NonNullable<DemoReferralRow['declineReason']>; text: string }
  | { to: 'WITHDRAWN'; hoursAgo: number; placedElsewhere: true }
  | { to: 'CLOSED'; hoursAgo: number; outcome: NonNullable<DemoReferralRow['outcome']>; text: string };

interface ReferralPlan {
  to: 'A' | 'B' | 'OTHER_SHELTER';
  need: DemoNeed;
  sentHoursAgo: number;
  steps?: Step[];
  messages?: { side: DemoSide; hoursAgo: number; body: string }[];
  /** Up to when each side has read the other side's messages (hours ago). */
  reads?: Partial<Record<DemoSide, number>>;
}
interface ConsentPlan {
  scope: 'WHOLE_NETWORK' | 'A' | 'B' | 'A_AND_B';
  basis?: DemoConsentRow['legalBasis'];
  givenBy?: DemoConsentRow['givenBy'];
  justification?: string;
  /** Hours ago the consent was withdrawn (a second version, WITHDRAWN). */
  withdrawnHoursAgo?: number;
}
interface CasePlan {
  urgency: DemoUrgency;
  needs: DemoNeed[];
  openedHoursAgo: number;
  age: number | null;
  ageGroup?: DemoCaseRow['ageGroup'];
  gender: DemoCaseRow['gender'];
  languages: string[];
  exploitation: DemoCaseRow['exploitationType'];
  province: Province;
  place: string;
  closedHoursAgo?: number;
  consent: ConsentPlan;
  referrals: ReferralPlan[];
  notes: string;
  health?: string;
}

/**
 * The stories. Adult men go to the demo shelter (De Lantaarn Amsterdam takes men, labour and criminal
 * exploitation); minors to De Kompas Utrecht (12–17). Each state of the referral workflow appears.
 */
const PLANS: CasePlan[] = [
  {
    // IMMEDIATE, sent an hour and a half ago: due within the half hour.
    urgency: 'IMMEDIATE', needs: ['CRISIS_ACCOMMODATION'], openedHoursAgo: 2, age: 34, gender: 'MALE', languages: ['ro', 'en'],
    exploitation: 'LABOUR', province: 'NOORD_HOLLAND', place: 'Zaandam', consent: { scope: 'WHOLE_NETWORK' },
    referrals: [{ to: 'A', need: 'CRISIS_ACCOMMODATION', sentHoursAgo: 1.5, messages: [{ side: 'COORDINATOR', hoursAgo: 1.4, body: 'Cliënt wacht op het politiebureau; vervoer kan binnen een uur geregeld worden.' }] }],
    notes: 'Aangetroffen bij een arbeidsinspectie in een distributiecentrum. Geen eigen identiteitsbewijs.',
  },
  {
    // URGENT, its 24 hours passed six hours ago: overdue (the expiry job will expire it and escalate).
    urgency: 'URGENT', needs: ['SHELTER'], openedHoursAgo: 31, age: 27, gender: 'MALE', languages: ['bg', 'en'],
    exploitation: 'CRIMINAL', province: 'ZUID_HOLLAND', place: 'Rotterdam', consent: { scope: 'A' },
    referrals: [{ to: 'A', need: 'SHELTER', sentHoursAgo: 30 }],
    notes: 'Gedwongen tot drugstransport; wil meewerken aan aangifte.',
  },
  {
    // A minor under 16: guardian's consent; accepted by the youth shelter, which holds a slot.
    urgency: 'IMMEDIATE', needs: ['SHELTER', 'YOUTH_CARE'], openedHoursAgo: 22, age: 15, gender: 'FEMALE', languages: ['nl'],
    exploitation: 'SEXUAL', province: 'UTRECHT', place: 'Amersfoort', consent: { scope: 'B', basis: 'CONSENT_GUARDIAN', givenBy: 'GUARDIAN' },
    referrals: [{
      to: 'B', need: 'SHELTER', sentHoursAgo: 20, steps: [{ to: 'ACCEPTED', hoursAgo: 19 }],
      messages: [
        { side: 'COORDINATOR', hoursAgo: 19.5, body: 'Voogd is op de hoogte en kan morgen bij de intake zijn.' },
        { side: 'PARTNER', hoursAgo: 18, body: 'Plek vastgehouden. Intake voorgesteld morgen om 10:00 uur.' },
        { side: 'PARTNER', hoursAgo: 3, body: 'Graag nog de contactgegevens van de voogd doorgeven.' },
      ],
      // The partner read the coordinator's message; the coordinator has not read the partner's latest.
      reads: { PARTNER: 19, COORDINATOR: 17 },
    }],
    notes: 'Gesignaleerd door school. Loverboyproblematiek vermoed.',
    health: 'Geen bekende allergieën.',
  },
  {
    urgency: 'URGENT', needs: ['SHELTER'], openedHoursAgo: 50, age: 41, gender: 'MALE', languages: ['pl'],
    exploitation: 'LABOUR', province: 'FLEVOLAND', place: 'Almere', consent: { scope: 'WHOLE_NETWORK' },
    referrals: [{
      to: 'A', need: 'SHELTER', sentHoursAgo: 48, steps: [{ to: 'ACCEPTED', hoursAgo: 40 }],
      messages: [{ side: 'PARTNER', hoursAgo: 39, body: 'Welkom. Tolk Pools is geregeld voor de intake.' }],
      reads: { COORDINATOR: 38 },
    }],
    notes: 'Woonde met twaalf collega’s in een vakantiehuis; loon ingehouden.',
  },
  {
    urgency: 'STANDARD', needs: ['SHELTER'], openedHoursAgo: 260, age: 29, gender: 'MALE', languages: ['ar', 'en'],
    exploitation: 'LABOUR', province: 'GELDERLAND', place: 'Arnhem', consent: { scope: 'A' },
    referrals: [{ to: 'A', need: 'SHELTER', sentHoursAgo: 240, steps: [{ to: 'ACCEPTED', hoursAgo: 220 }, { to: 'IN_CARE', hoursAgo: 200 }] }],
    notes: 'In opvang; traject richting aangifte loopt.',
  },
  {
    // 16–17: a guardian (Nidos) consents for an unaccompanied minor.
    urgency: 'STANDARD', needs: ['YOUTH_CARE'], openedHoursAgo: 400, age: 17, gender: 'FEMALE', languages: ['ti', 'en'],
    exploitation: 'SEXUAL', province: 'GELDERLAND', place: 'Nijmegen', consent: { scope: 'B', basis: 'CONSENT_GUARDIAN', givenBy: 'GUARDIAN' },
    referrals: [{ to: 'B', need: 'YOUTH_CARE', sentHoursAgo: 380, steps: [{ to: 'ACCEPTED', hoursAgo: 370 }, { to: 'IN_CARE', hoursAgo: 330 }] }],
    notes: 'Alleenstaande minderjarige vreemdeling; voogdij bij Nidos.',
  },
  {
    urgency: 'URGENT', needs: ['SHELTER'], openedHoursAgo: 80, age: 19, gender: 'MALE', languages: ['vi'],
    exploitation: 'CRIMINAL', province: 'ZUID_HOLLAND', place: 'Den Haag', consent: { scope: 'WHOLE_NETWORK' },
    referrals: [{
      to: 'A', need: 'SHELTER', sentHoursAgo: 78,
      steps: [{ to: 'DECLINED', hoursAgo: 70, reason: 'SAFETY_CONCERN', text: 'Betrokkenen uit hetzelfde netwerk verblijven al bij ons; opvang verder weg aangeraden.' }],
    }],
    notes: 'Aangetroffen in een hennepkwekerij.',
  },
  {
    // Placed elsewhere: accepted by another shelter, so the referral to the demo shelter was withdrawn.
    urgency: 'STANDARD', needs: ['SHELTER'], openedHoursAgo: 100, age: 38, gender: 'MALE', languages: ['ro'],
    exploitation: 'LABOUR', province: 'ZUID_HOLLAND', place: 'Dordrecht', consent: { scope: 'WHOLE_NETWORK' },
    referrals: [
      { to: 'A', need: 'SHELTER', sentHoursAgo: 96, steps: [{ to: 'WITHDRAWN', hoursAgo: 72, placedElsewhere: true }] },
      { to: 'OTHER_SHELTER', need: 'SHELTER', sentHoursAgo: 96, steps: [{ to: 'ACCEPTED', hoursAgo: 72 }, { to: 'IN_CARE', hoursAgo: 60 }] },
    ],
    notes: 'Geplaatst in opvang dichter bij familie.',
  },
  {
    // A closed case: the care ended as planned.
    urgency: 'STANDARD', needs: ['SHELTER'], openedHoursAgo: 1500, age: 45, gender: 'MALE', languages: ['uk', 'ru'],
    exploitation: 'LABOUR', province: 'OVERIJSSEL', place: 'Zwolle', closedHoursAgo: 100, consent: { scope: 'A' },
    referrals: [{
      to: 'A', need: 'SHELTER', sentHoursAgo: 1450,
      steps: [{ to: 'ACCEPTED', hoursAgo: 1440 }, { to: 'IN_CARE', hoursAgo: 1400 }, { to: 'CLOSED', hoursAgo: 120, outcome: 'COMPLETED', text: 'Uitgestroomd naar zelfstandige woonruimte.' }],
    }],
    notes: 'Traject afgerond.',
  },
  {
    // 16, guardian's consent for the whole network; one referral still open, one declined.
    urgency: 'URGENT', needs: ['SHELTER', 'YOUTH_CARE'], openedHoursAgo: 8, age: 16, gender: 'FEMALE', languages: ['ar', 'nl'],
    exploitation: 'CRIMINAL', province: 'NOORD_HOLLAND', place: 'Haarlem', consent: { scope: 'WHOLE_NETWORK', basis: 'CONSENT_GUARDIAN', givenBy: 'GUARDIAN' },
    referrals: [
      { to: 'B', need: 'SHELTER', sentHoursAgo: 6 },
      { to: 'B', need: 'YOUTH_CARE', sentHoursAgo: 6, steps: [{ to: 'DECLINED', hoursAgo: 4, reason: 'OTHER', text: 'Ambulante hulp pas passend na plaatsing in beschermde opvang.' }] },
    ],
    notes: 'Ingezet voor winkeldiefstallen door een volwassen netwerk.',
  },
  {
    // Consent withdrawn: no referral may go out until new consent is recorded.
    urgency: 'STANDARD', needs: ['MENTAL_HEALTH'], openedHoursAgo: 150, age: 26, gender: 'FEMALE', languages: ['es', 'en'],
    exploitation: 'SEXUAL', province: 'LIMBURG', place: 'Maastricht', consent: { scope: 'WHOLE_NETWORK', withdrawnHoursAgo: 30 },
    referrals: [],
    notes: 'Cliënt heeft toestemming ingetrokken en denkt na over vervolg.',
  },
  {
    // A fresh IMMEDIATE case without referrals yet (age known only as a group): the next thing to match.
    urgency: 'IMMEDIATE', needs: ['CRISIS_ACCOMMODATION', 'MENTAL_HEALTH'], openedHoursAgo: 0.5, age: null, ageGroup: 'AGE_18_23',
    gender: 'NON_BINARY', languages: ['fa', 'en'], exploitation: 'OTHER', province: 'UTRECHT', place: 'Utrecht', consent: { scope: 'WHOLE_NETWORK' },
    referrals: [],
    notes: 'Zelf gemeld bij het meldpunt; acute opvang nodig vannacht.',
  },
];

export function buildDemoCases(network: DemoNetwork, now: Date): DemoCases {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS);
  const centre = network.organisations.find((o) => o.name === COORDINATING_CENTRE)!;
  const user = (email: string) => {
    const found = network.users.find((u) => u.email === email);
    if (!found) throw new Error(`demo network has no account ${email}`);
    return found;
  };
  const coordinator = user('coordinator@lcm-demo.example');
  const staffA = user('staff@lantaarn-demo.example');
  const staffB = user('staff@kompas-demo.example');
  const orgA = staffA.memberships[0]!.organisationId;
  const orgB = staffB.memberships[0]!.organisationId;
  const capacityOf = (serviceId: string) => network.capacities.find((c) => c.serviceId === serviceId);
  const serviceOf = (organisationId: string, need: DemoNeed) => {
    const found = network.services.find((s) => s.organisationId === organisationId && s.type === need);
    if (!found) throw new Error(`demo organisation ${organisationId} offers no ${need}`);
    return found;
  };
  // Another adult shelter open to anyone, with free slots: where case 8 was placed.
  const otherShelter = network.services.find((s) => {
    const capacity = capacityOf(s.id);
    return s.type === 'SHELTER' && s.organisationId !== orgA && s.minAge === 18 && s.genders.length === 0 && !!capacity && capacity.totalSlots >= 2 && !capacity.paused;
  });
  if (!otherShelter) throw new Error('demo network has no open adult shelter for everyone');
  // A partner's staff account answers; the other shelter has no demo account, so its answers name no user.
  const staffOf = (organisationId: string) => (organisationId === orgA ? staffA.id : organisationId === orgB ? staffB.id : null);

  const out: DemoCases = { cases: [], vault: [], referrals: [], timeline: [], messages: [], reads: [], consents: [], holds: [] };
  PLANS.forEach((plan, index) => {
    const n = index + 1;
    const key = `demo-case:${n}`;
    const caseId = stableUuid(key);
    const createdAt = at(plan.openedHoursAgo);
    let events = 0;
    const event = (e: Omit<DemoTimelineRow, 'id' | 'caseId' | 'reasonText' | 'reasonCode' | 'fromState' | 'toState' | 'referralId'> & Partial<DemoTimelineRow>) =>
      out.timeline.push({ referralId: null, fromState: null, toState: null, reasonCode: null, reasonText: '', ...e, caseId, id: stableUuid(`${key}:event:${++events}`) });

    out.cases.push({
      id: caseId,
      reference: demoReference(key),
      urgency: plan.urgency,
      needs: plan.needs,
      status: plan.closedHoursAgo === undefined ? 'OPEN' : 'CLOSED',
      coordinatingOrganisationId: centre.id,
      coordinatorUserId: coordinator.id,
      age: plan.age,
      ageGroup: plan.age === null ? (plan.ageGroup ?? null) : ageGroupOf(plan.age),
      gender: plan.gender,
      languages: plan.languages,
      exploitationType: plan.exploitation,
      province: plan.province,
      place: plan.place,
      createdAt,
      closedAt: plan.closedHoursAgo === undefined ? null : at(plan.closedHoursAgo),
      closedByUserId: plan.closedHoursAgo === undefined ? null : coordinator.id,
    });
    // Born the stated number of years and a hundred days ago: the birth date agrees with the age.
    const birthDate = plan.age === null ? null : new Date(Date.UTC(now.getUTCFullYear() - plan.age, now.getUTCMonth(), now.getUTCDate()) - 100 * 24 * HOUR_MS);
    out.vault.push(
      { caseId, field: 'name', category: 'IDENTITY', value: `Demo Persoon ${n}` },
      ...(birthDate === null ? [] : [{ caseId, field: 'birthDate', category: 'IDENTITY' as const, value: birthDate.toISOString().slice(0, 10) }]),
      { caseId, field: 'phone', category: 'CONTACT', value: `+31 00 555 9${String(n).padStart(3, '0')}` },
      { caseId, field: 'notes', category: 'CASE_NOTES', value: `Fictieve democasus. ${plan.notes}` },
      ...(plan.health ? [{ caseId, field: 'health', category: 'HEALTH' as const, value: plan.health }] : []),
    );
    event({ kind: 'CASE_OPENED', at: createdAt, actorUserId: coordinator.id, actorOrganisationId: centre.id });

    // Consent is recorded right after the case is opened (before any referral goes out).
    const consentAt = at(plan.openedHoursAgo - 0.1);
    const recordId = stableUuid(`${key}:consent`);
    const recipients = { WHOLE_NETWORK: [], A: [orgA], B: [orgB], A_AND_B: [orgA, orgB] }[plan.consent.scope];
    const version = (v: number, status: DemoConsentRow['status'], createdAtV: Date): DemoConsentRow => ({
      id: stableUuid(`${key}:consent:v${v}`),
      recordId,
      version: v,
      caseId,
      status,
      legalBasis: plan.consent.basis ?? 'CONSENT_CLIENT',
      justification: plan.consent.justification ?? null,
      categories: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'],
      wholeNetwork: plan.consent.scope === 'WHOLE_NETWORK',
      recipientOrganisationIds: recipients,
      purposes: ['REFERRAL_CARE', 'STATISTICS'],
      givenBy: plan.consent.givenBy ?? 'CLIENT',
      givenHow: plan.consent.givenBy === 'GUARDIAN' ? 'WRITTEN' : 'VERBAL',
      recordedByUserId: coordinator.id,
      recordedByOrganisationId: centre.id,
      validFrom: consentAt,
      validUntil: null,
      createdAt: createdAtV,
    });
    out.consents.push(version(1, 'ACTIVE', consentAt));
    if (plan.consent.withdrawnHoursAgo !== undefined) out.consents.push(version(2, 'WITHDRAWN', at(plan.consent.withdrawnHoursAgo)));

    plan.referrals.forEach((rp, r) => {
      const referralId = stableUuid(`${key}:referral:${r + 1}`);
      const organisationId = rp.to === 'A' ? orgA : rp.to === 'B' ? orgB : otherShelter.organisationId;
      const service = rp.to === 'OTHER_SHELTER' ? otherShelter : serviceOf(organisationId, rp.need);
      const partnerUser = staffOf(organisationId);
      const sentAt = at(rp.sentHoursAgo);
      const row: DemoReferralRow = {
        id: referralId, caseId, serviceId: service.id, need: rp.need, organisationId, coordinatingOrganisationId: centre.id,
        state: 'SENT', sentAt, sentByUserId: coordinator.id, deadlineAt: new Date(sentAt.getTime() + DEMO_DEADLINE_HOURS[plan.urgency] * HOUR_MS),
        respondedAt: null, intakeAt: null, endedAt: null, declineReason: null, outcome: null, reasonText: '',
      };
      event({ kind: 'REFERRAL_SENT', at: sentAt, referralId, actorUserId: coordinator.id, actorOrganisationId: centre.id, toState: 'SENT' });
      let heldAt: Date | null = null;
      let releasedAt: Date | null = null;
      for (const step of rp.steps ?? []) {
        const when = at(step.hoursAgo);
        const from = row.state;
        const partnerActor = { actorUserId: partnerUser, actorOrganisationId: organisationId };
        const base = { at: when, referralId, fromState: from, toState: step.to };
        if (step.to === 'ACCEPTED') {
          Object.assign(row, { state: 'ACCEPTED', respondedAt: when });
          heldAt = when;
          event({ ...base, ...partnerActor, kind: 'REFERRAL_ACCEPTED' });
        } else if (step.to === 'IN_CARE') {
          Object.assign(row, { state: 'IN_CARE', intakeAt: when });
          event({ ...base, ...partnerActor, kind: 'REFERRAL_IN_CARE' });
        } else if (step.to === 'DECLINED') {
          Object.assign(row, { state: 'DECLINED', respondedAt: when, endedAt: when, declineReason: step.reason, reasonText: step.text });
          event({ ...base, ...partnerActor, kind: 'REFERRAL_DECLINED', reasonCode: step.reason, reasonText: step.text });
        } else if (step.to === 'WITHDRAWN') {
          // As the service does it when another referral for the same need is accepted: by the system.
          Object.assign(row, { state: 'WITHDRAWN', endedAt: when });
          event({ ...base, actorUserId: null, actorOrganisationId: null, kind: 'REFERRAL_WITHDRAWN', reasonCode: 'PLACED_ELSEWHERE' });
        } else if (step.to === 'CLOSED') {
          Object.assign(row, { state: 'CLOSED', endedAt: when, outcome: step.outcome, reasonText: step.text });
          releasedAt = when;
          event({ ...base, ...partnerActor, kind: 'REFERRAL_CLOSED', reasonCode: step.outcome, reasonText: step.text });
        }
      }
      out.referrals.push(row);
      if (heldAt) {
        out.holds.push({
          referralId, serviceId: service.id, heldAt, heldByUserId: partnerUser ?? coordinator.id,
          releasedAt, releasedByUserId: releasedAt ? partnerUser : null,
        });
      }
      (rp.messages ?? []).forEach((m, i) => {
        const coordinatorSide = m.side === 'COORDINATOR';
        out.messages.push({
          id: stableUuid(`${key}:referral:${r + 1}:message:${i + 1}`),
          referralId,
          side: m.side,
          authorUserId: coordinatorSide ? coordinator.id : (partnerUser ?? coordinator.id),
          authorOrganisationId: coordinatorSide ? centre.id : organisationId,
          body: m.body,
          sentAt: at(m.hoursAgo),
        });
      });
      for (const [side, hoursAgo] of Object.entries(rp.reads ?? {}) as [DemoSide, number][]) {
        out.reads.push({ referralId, side, lastReadAt: at(hoursAgo) });
      }
    });
    if (plan.closedHoursAgo !== undefined) {
      event({ kind: 'CASE_CLOSED', at: at(plan.closedHoursAgo), actorUserId: coordinator.id, actorOrganisationId: centre.id });
    }
  });
  return out;
}

/** Live holds per service (released ones excluded): what each Capacity.heldSlots must say. */
export function liveHoldsPerService(holds: readonly DemoHold[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hold of holds) if (!hold.releasedAt) counts.set(hold.serviceId, (counts.get(hold.serviceId) ?? 0) + 1);
  return counts;
}

export { HOLDING as DEMO_HOLDING_STATES };
