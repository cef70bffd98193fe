/**
 * The demo network `npm start` seeds into an empty database: one coordinating centre, 75 partner
 * organisations over all twelve provinces, and one account per role. Everything here is fictional —
 * organisation names are invented brands plus a real town (so matching has real geography), people are
 * "Demo …", and every email address uses the reserved `.example` domain. Deterministic: ids are derived
 * from names, so every machine and every re-seed sees the same network.
 *
 * Realistic enough for matching: every partner has its town's coordinates (from the bundled gazetteer),
 * intake hours, a fictional intake desk, languages and the provinces it serves; services carry eligibility
 * (minors-only youth care, adults-only shelters, women-only and men-only shelters, languages, forms of
 * exploitation, exclusions in words) and a declared capacity — most with a few free slots, some full, some
 * paused, some with a waitlist, some not confirmed for more than a week (stale).
 */
import { PROVINCES, type Province, type Role, type ServiceType } from '@haven/kit/src/taxonomy';
import { findPlace } from '@haven/kit/src/geo/gazetteer';
import { stableUuid } from './stack/stable-uuid';

/** One password for every demo account; printed by `npm start` and listed in README.md. */
export const DEMO_PASSWORD = 'haven-demo-2026';

/**
 * The demo network admin's and auditor's TOTP secret (base32), fictional and public like the password: their roles
 * act only in a session opened with a second factor, so the demo seeds them enrolled. Add it to an authenticator app
 * (README.md) or compute codes from it (web/e2e/support/totp.ts).
 */
export const DEMO_TOTP_SECRET = 'HAVENDEMONETWERKTWEESTAPSGEHEIMA';

export const COORDINATING_CENTRE = 'Landelijk Coördinatiecentrum Mensenhandel (demo)';

export interface DemoOrganisation {
  id: string;
  name: string;
  kind: 'COORDINATING' | 'PARTNER';
}
export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  password: string;
  /** Base32; the account is seeded with two-step sign-in on (DEMO_TOTP_SECRET). */
  totpSecret?: string;
  memberships: { organisationId: string; role: Role }[];
}
export type DemoCareKind = 'SHELTER' | 'HEALTHCARE' | 'MENTAL_HEALTH' | 'LEGAL_AID' | 'YOUTH_CARE' | 'ADDICTION_CARE' | 'MUNICIPALITY' | 'SOCIAL_SERVICES' | 'INTERPRETATION' | 'OTHER';
export type DemoGender = 'FEMALE' | 'MALE' | 'NON_BINARY';
export type DemoExploitationType = 'SEXUAL' | 'LABOUR' | 'CRIMINAL' | 'OTHER';

/** Exactly the partners OrganisationProfile columns the seed writes (createMany takes it as is). */
export interface DemoProfile {
  organisationId: string;
  careKind: DemoCareKind;
  description: string;
  province: Province;
  regionsServed: Province[];
  city: string;
  /** The town centre from the gazetteer; street and postal code stay empty (shelter addresses are not published). */
  latitude: number;
  longitude: number;
  intakePhone: string;
  intakeEmail: string;
  intakeHours: string;
  languages: string[];
  acceptingReferrals: boolean;
}
/** Exactly the partners Service columns the seed writes; location empty = at the organisation's address. */
export interface DemoService {
  id: string;
  organisationId: string;
  type: ServiceType;
  name: string;
  description: string;
  province: Province;
  minAge: number | null;
  maxAge: number | null;
  genders: DemoGender[];
  languages: string[];
  exploitationTypes: DemoExploitationType[];
  exclusions: string;
}
/**
 * A service's declared capacity. No holds: holds belong to real referrals in the cases service, so a
 * "full" service is one that offers no slot right now (totalSlots 0, usually with a waitlist) — what an
 * organisation whose beds are all taken by current residents would state. confirmedDaysAgo is relative to
 * the moment of seeding, so "stale" stays stale on every machine and every day.
 */
export interface DemoCapacity {
  serviceId: string;
  totalSlots: number;
  waitlistLength: number;
  paused: boolean;
  confirmedDaysAgo: number;
}
export interface DemoAccount {
  email: string;
  what: string;
}
export interface DemoNetwork {
  organisations: DemoOrganisation[];
  users: DemoUser[];
  profiles: DemoProfile[];
  services: DemoService[];
  /**
   * One per service. Interpretation declares capacity too (interpreters free for new clients): matching
   * has one rule for every type, and a service that never stated its capacity is never proposed.
   */
  capacities: DemoCapacity[];
  /** What `npm start` prints: who to log in as, and why. */
  accounts: DemoAccount[];
}

/** Real towns per province, the first being the provincial capital or largest city. */
const CITIES: Record<Province, readonly string[]> = {
  GRONINGEN: ['Groningen', 'Veendam', 'Stadskanaal', 'Winschoten', 'Delfzijl', 'Hoogezand'],
  FRIESLAND: ['Leeuwarden', 'Sneek', 'Heerenveen', 'Drachten', 'Harlingen', 'Franeker'],
  DRENTHE: ['Assen', 'Emmen', 'Hoogeveen', 'Meppel', 'Coevorden', 'Roden'],
  OVERIJSSEL: ['Zwolle', 'Enschede', 'Deventer', 'Hengelo', 'Almelo', 'Kampen'],
  FLEVOLAND: ['Lelystad', 'Almere', 'Dronten', 'Emmeloord', 'Zeewolde', 'Urk'],
  GELDERLAND: ['Arnhem', 'Nijmegen', 'Apeldoorn', 'Ede', 'Doetinchem', 'Harderwijk', 'Tiel'],
  UTRECHT: ['Utrecht', 'Amersfoort', 'Zeist', 'Nieuwegein', 'Veenendaal', 'Houten', 'Woerden'],
  NOORD_HOLLAND: ['Amsterdam', 'Haarlem', 'Alkmaar', 'Zaandam', 'Hilversum', 'Hoorn', 'Den Helder', 'Purmerend'],
  ZUID_HOLLAND: ['Rotterdam', 'Den Haag', 'Leiden', 'Dordrecht', 'Delft', 'Gouda', 'Zoetermeer', 'Schiedam'],
  ZEELAND: ['Middelburg', 'Vlissingen', 'Goes', 'Terneuzen', 'Zierikzee', 'Hulst'],
  NOORD_BRABANT: ['Eindhoven', 'Tilburg', 'Breda', "'s-Hertogenbosch", 'Helmond', 'Roosendaal', 'Oss'],
  LIMBURG: ['Maastricht', 'Venlo', 'Heerlen', 'Roermond', 'Sittard', 'Weert'],
};

type Category =
  | 'shelter'
  | 'youth'
  | 'mentalHealth'
  | 'legal'
  | 'municipal'
  | 'medical'
  | 'addiction'
  | 'interpretation'
  | 'educationWork';

/** Neighbouring provinces (sharing a border or a bridge/dike), for regionsServed. Kept symmetric by a test. */
export const NEIGHBOURS: Record<Province, readonly Province[]> = {
  GRONINGEN: ['FRIESLAND', 'DRENTHE'],
  FRIESLAND: ['GRONINGEN', 'DRENTHE', 'OVERIJSSEL', 'FLEVOLAND', 'NOORD_HOLLAND'],
  DRENTHE: ['GRONINGEN', 'FRIESLAND', 'OVERIJSSEL'],
  OVERIJSSEL: ['FRIESLAND', 'DRENTHE', 'FLEVOLAND', 'GELDERLAND'],
  FLEVOLAND: ['FRIESLAND', 'OVERIJSSEL', 'GELDERLAND', 'UTRECHT', 'NOORD_HOLLAND'],
  GELDERLAND: ['OVERIJSSEL', 'FLEVOLAND', 'UTRECHT', 'ZUID_HOLLAND', 'NOORD_BRABANT', 'LIMBURG'],
  UTRECHT: ['FLEVOLAND', 'GELDERLAND', 'NOORD_HOLLAND', 'ZUID_HOLLAND'],
  NOORD_HOLLAND: ['FRIESLAND', 'FLEVOLAND', 'UTRECHT', 'ZUID_HOLLAND'],
  ZUID_HOLLAND: ['NOORD_HOLLAND', 'UTRECHT', 'GELDERLAND', 'NOORD_BRABANT', 'ZEELAND'],
  ZEELAND: ['ZUID_HOLLAND', 'NOORD_BRABANT'],
  NOORD_BRABANT: ['ZEELAND', 'ZUID_HOLLAND', 'GELDERLAND', 'LIMBURG'],
  LIMBURG: ['NOORD_BRABANT', 'GELDERLAND'],
};

interface ServiceTemplate {
  type: ServiceType;
  name: string;
  description: string;
  minAge: number | null;
  maxAge: number | null;
  genders?: DemoGender[];
  exploitationTypes?: DemoExploitationType[];
  exclusions?: string;
  /** Languages the service is given in beyond the organisation's own (interpreters bring theirs). */
  extraLanguages?: string[];
}

/** Languages besides Dutch that partners speak, rotated over the organisations (ISO 639-1). */
const EXTRA_LANGUAGES = ['en', 'ar', 'ro', 'pl', 'bg', 'ti', 'uk', 'es', 'fr', 'pt', 'ru', 'so', 'fa', 'vi', 'zh'] as const;

/** Where an organisation takes referrals from: its province, its neighbours, or the whole country. */
type Reach = 'province' | 'neighbours' | 'national';

/** An invented brand per kind of organisation, and the services such an organisation plausibly offers. */
const CATEGORIES: Record<
  Category,
  { brand: string; about: string; careKind: DemoCareKind; intakeHours: string; reach: Reach; services: ServiceTemplate[] }
> = {
  shelter: {
    brand: 'Opvanghuis De Lantaarn',
    about: 'Beschermde opvang voor volwassen slachtoffers van mensenhandel.',
    careKind: 'SHELTER',
    intakeHours: 'Aanmelden 24/7 via de intakelijn',
    reach: 'national',
    services: [
      {
        type: 'SHELTER', name: 'Beschermde opvang volwassenen', description: 'Categorale opvang met 24-uurs begeleiding.', minAge: 18, maxAge: null,
        exclusions: 'Geen huisdieren. Niet geschikt bij actief middelengebruik zonder behandeling.',
      },
      {
        type: 'CRISIS_ACCOMMODATION', name: 'Crisisbed', description: 'Direct beschikbaar crisisbed, ook buiten kantoortijden.', minAge: 18, maxAge: null,
        exclusions: 'Geen medische zorg ter plaatse; bij acute psychiatrische nood eerst de crisisdienst.',
      },
    ],
  },
  youth: {
    brand: 'Jeugdhulp Het Kompas',
    about: 'Jeugdhulp en beschermde opvang voor minderjarige slachtoffers.',
    careKind: 'YOUTH_CARE',
    intakeHours: 'Ma–vr 08:30–17:00; buiten kantoortijd via de crisisdienst jeugd',
    reach: 'neighbours',
    services: [
      { type: 'YOUTH_CARE', name: 'Ambulante jeugdhulp', description: 'Begeleiding thuis of in het netwerk van de jongere.', minAge: 12, maxAge: 17 },
      {
        type: 'SHELTER', name: 'Beschermde opvang minderjarigen', description: 'Kleinschalige, beveiligde woongroep voor minderjarigen.', minAge: 12, maxAge: 17,
        exploitationTypes: ['SEXUAL', 'CRIMINAL'],
        exclusions: 'Niet als de jongere een gesloten plaatsing (jeugdzorgplus) nodig heeft.',
      },
      { type: 'CRISIS_ACCOMMODATION', name: 'Crisisplek jongeren', description: 'Tijdelijke crisisplaatsing voor jongeren.', minAge: 12, maxAge: 17 },
    ],
  },
  mentalHealth: {
    brand: 'GGZ Lichtbaken',
    about: 'Geestelijke gezondheidszorg met specialistische traumabehandeling.',
    careKind: 'MENTAL_HEALTH',
    intakeHours: 'Ma–vr 09:00–17:00',
    reach: 'province',
    services: [
      {
        type: 'MENTAL_HEALTH', name: 'Traumabehandeling volwassenen', description: 'EMDR en traumagerichte therapie.', minAge: 18, maxAge: null,
        exclusions: 'Geen behandeling tijdens een acute psychose of bij acuut suïciderisico (eerst de crisisdienst).',
      },
      { type: 'MENTAL_HEALTH', name: 'Traumazorg jongeren', description: 'Traumabehandeling voor jongeren, met betrokkenheid van voogd of ouders.', minAge: 12, maxAge: 17 },
    ],
  },
  legal: {
    brand: 'Rechtshulp Vrije Stem',
    about: 'Juridische bijstand voor slachtoffers: aangifte, verblijfsrecht en schadevergoeding.',
    careKind: 'LEGAL_AID',
    intakeHours: 'Ma–do 09:00–17:00, vr 09:00–13:00',
    reach: 'neighbours',
    services: [
      { type: 'LEGAL_AID', name: 'Juridisch advies en bijstand', description: 'Advocaten gespecialiseerd in slachtofferrecht en vreemdelingenrecht.', minAge: null, maxAge: null },
    ],
  },
  municipal: {
    brand: 'Sociaal Wijkteam',
    about: 'Gemeentelijke ondersteuning bij wonen, inkomen en zorg (demo).',
    careKind: 'MUNICIPALITY',
    intakeHours: 'Ma–vr 09:00–16:30',
    reach: 'province',
    services: [
      {
        type: 'HOUSING', name: 'Woonbegeleiding', description: 'Hulp bij het vinden en behouden van een woning.', minAge: 18, maxAge: null,
        exclusions: 'Alleen voor wie in deze gemeente gaat wonen of er is ingeschreven.',
      },
      { type: 'FINANCIAL_AID', name: 'Inkomen en schuldhulp', description: 'Bijzondere bijstand, uitkering en schuldhulpverlening.', minAge: 18, maxAge: null },
    ],
  },
  medical: {
    brand: 'Gezondheidscentrum De Linde',
    about: 'Huisartsenzorg, medisch onderzoek en seksuele gezondheid.',
    careKind: 'HEALTHCARE',
    intakeHours: 'Ma–vr 08:00–17:00; inloopspreekuur di en do 13:00–15:00',
    reach: 'province',
    services: [
      { type: 'MEDICAL_CARE', name: 'Medisch onderzoek en huisartsenzorg', description: 'Laagdrempelige medische zorg, ook zonder verzekering.', minAge: null, maxAge: null },
      { type: 'MEDICAL_CARE', name: 'Spreekuur seksuele gezondheid', description: 'Soa-onderzoek, anticonceptie en zwangerschapszorg.', minAge: 16, maxAge: null },
    ],
  },
  addiction: {
    brand: 'Verslavingszorg Keerpunt',
    about: 'Verslavingszorg voor volwassenen en jongeren.',
    careKind: 'ADDICTION_CARE',
    intakeHours: 'Ma–vr 09:00–17:00',
    reach: 'neighbours',
    services: [
      {
        type: 'ADDICTION_CARE', name: 'Verslavingsbehandeling volwassenen', description: 'Ambulante en klinische behandeling.', minAge: 18, maxAge: null,
        exclusions: 'Klinische opname alleen na medische intake; geen opname zonder zorgverzekering of gemeentelijke dekking.',
      },
      { type: 'ADDICTION_CARE', name: 'Jongerenpoli verslaving', description: 'Behandeling voor jongeren met middelengebruik.', minAge: 14, maxAge: 23 },
    ],
  },
  interpretation: {
    brand: 'Tolkencollectief Babel',
    about: 'Beëdigde tolken op locatie, telefonisch en via video.',
    careKind: 'INTERPRETATION',
    intakeHours: 'Telefonisch tolken 24/7; op locatie op afspraak (ma–za)',
    reach: 'national',
    services: [
      {
        type: 'INTERPRETATION', name: 'Tolken op locatie en op afstand', description: 'Onder meer Roemeens, Bulgaars, Nigeriaans Engels, Tigrinya en Vietnamees.', minAge: null, maxAge: null,
        extraLanguages: ['en', 'ro', 'bg', 'ti', 'vi', 'ar', 'pl', 'uk', 'es', 'fr'],
      },
    ],
  },
  educationWork: {
    brand: 'Leerwerkplaats Nieuw Begin',
    about: 'Taal, scholing en begeleiding naar werk.',
    careKind: 'SOCIAL_SERVICES',
    intakeHours: 'Ma–do 09:00–16:00',
    reach: 'province',
    services: [
      { type: 'EDUCATION_WORK', name: 'Taal- en werktraject', description: 'Nederlandse les, werkervaring en jobcoaching.', minAge: 16, maxAge: null },
      { type: 'FINANCIAL_AID', name: 'Budgetcoaching', description: 'Leren rondkomen en administratie op orde.', minAge: 18, maxAge: null },
    ],
  },
};

/** Every province has the five core kinds; larger provinces have more. 12 × 5 + 15 = 75 partners. */
const CORE: Category[] = ['shelter', 'youth', 'mentalHealth', 'legal', 'municipal'];
const EXTRA: Partial<Record<Province, Category[]>> = {
  NOORD_HOLLAND: ['medical', 'addiction', 'interpretation'],
  ZUID_HOLLAND: ['medical', 'addiction', 'educationWork'],
  NOORD_BRABANT: ['medical', 'addiction'],
  GELDERLAND: ['medical', 'interpretation'],
  UTRECHT: ['interpretation', 'educationWork'],
  OVERIJSSEL: ['addiction'],
  LIMBURG: ['medical'],
  GRONINGEN: ['medical'],
};

/** The partners the demo accounts belong to: (kind, province) is unique in this network. */
const DEMO_PARTNER_A = { category: 'shelter', province: 'NOORD_HOLLAND' } as const;
const DEMO_PARTNER_B = { category: 'youth', province: 'UTRECHT' } as const;
const DEMO_DUAL_1 = { category: 'mentalHealth', province: 'ZUID_HOLLAND' } as const;
const DEMO_DUAL_2 = { category: 'addiction', province: 'ZUID_HOLLAND' } as const;

/** The partners' intake desks: obviously fictional numbers (area code 00 does not exist). */
const fictionalPhone = (n: number) => `+31 00 555 ${String(n).padStart(4, '0')}`;
const slug = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function regionsServed(province: Province, reach: Reach): Province[] {
  if (reach === 'national') return [...PROVINCES];
  if (reach === 'neighbours') return [province, ...NEIGHBOURS[province]];
  return [province];
}

/** Organisation k speaks Dutch plus one to three rotating languages (every other one English). */
function languagesOf(k: number): string[] {
  const extra = [EXTRA_LANGUAGES[k % EXTRA_LANGUAGES.length]!, EXTRA_LANGUAGES[(k * 7 + 3) % EXTRA_LANGUAGES.length]!];
  return [...new Set(['nl', ...(k % 2 === 0 ? ['en'] : []), ...extra])];
}

/**
 * Adult shelters differ per province, as categorical shelters do: some take women only, some men only
 * (mostly labour and criminal exploitation), the rest anyone.
 */
function shelterEligibility(p: number): Pick<ServiceTemplate, 'genders' | 'exploitationTypes'> {
  if (p % 3 === 0) return { genders: ['FEMALE'] };
  if (p % 3 === 1) return { genders: ['MALE'], exploitationTypes: ['LABOUR', 'CRIMINAL'] };
  return {};
}

/**
 * Service n's declared capacity, varied but deterministic: most have 1–8 free slots, about one in nine is
 * full (no slot on offer, people on the waitlist), about one in thirteen is paused, some others have a
 * waitlist, and about one in five was last confirmed 9–28 days ago (stale at the default of 7 days).
 */
function capacityOf(serviceId: string, n: number): DemoCapacity {
  const full = n % 9 === 4;
  const paused = !full && n % 13 === 6;
  const stale = n % 5 === 2;
  return {
    serviceId,
    totalSlots: full ? 0 : 1 + ((n * 7) % 8),
    waitlistLength: full ? 2 + (n % 5) : n % 6 === 1 ? 1 + (n % 3) : 0,
    paused,
    confirmedDaysAgo: stale ? 9 + (n % 20) : n % 4,
  };
}

export function buildDemoNetwork(): DemoNetwork {
  const centre: DemoOrganisation = { id: stableUuid(`organisation:${COORDINATING_CENTRE}`), name: COORDINATING_CENTRE, kind: 'COORDINATING' };
  const organisations: DemoOrganisation[] = [centre];
  const profiles: DemoProfile[] = [];
  const services: DemoService[] = [];
  const capacities: DemoCapacity[] = [];
  const byKey = new Map<string, DemoOrganisation>();

  PROVINCES.forEach((province, p) => {
    const cities = CITIES[province];
    [...CORE, ...(EXTRA[province] ?? [])].forEach((category, i) => {
      const template = CATEGORIES[category];
      const city = cities[i % cities.length]!;
      const place = findPlace(city);
      if (!place) throw new Error(`the gazetteer has no ${city}`);
      const name = `${template.brand} ${city}`;
      const organisation: DemoOrganisation = { id: stableUuid(`organisation:${name}`), name, kind: 'PARTNER' };
      const k = profiles.length;
      const languages = languagesOf(k);
      organisations.push(organisation);
      byKey.set(`${category}:${province}`, organisation);
      profiles.push({
        organisationId: organisation.id,
        careKind: template.careKind,
        description: `${template.about} Fictieve demo-organisatie.`,
        province,
        regionsServed: regionsServed(province, template.reach),
        city,
        latitude: place.latitude,
        longitude: place.longitude,
        intakePhone: fictionalPhone(k + 1),
        intakeEmail: `intake@${slug(name)}.example`,
        intakeHours: template.intakeHours,
        languages,
        // A few partners are temporarily not taking referrals, so the directory shows both states.
        acceptingReferrals: (p + i) % 11 !== 3,
      });
      // 1–3 services: the first always, the others for most organisations (varied, but deterministic).
      const count = 1 + ((p + i) % template.services.length);
      for (const service of template.services.slice(0, count)) {
        const adultShelter = category === 'shelter' ? shelterEligibility(p) : {};
        const id = stableUuid(`service:${name}:${service.name}`);
        services.push({
          id,
          organisationId: organisation.id,
          type: service.type,
          name: service.name,
          description: service.description,
          province,
          minAge: service.minAge,
          maxAge: service.maxAge,
          genders: adultShelter.genders ?? service.genders ?? [],
          languages: [...new Set([...languages, ...(service.extraLanguages ?? [])])],
          exploitationTypes: adultShelter.exploitationTypes ?? service.exploitationTypes ?? [],
          exclusions: service.exclusions ?? '',
        });
        capacities.push(capacityOf(id, services.length - 1));
      }
    });
  });

  const partner = (ref: { category: Category; province: Province }) => {
    const organisation = byKey.get(`${ref.category}:${ref.province}`);
    if (!organisation) throw new Error(`demo network has no ${ref.category} in ${ref.province}`);
    return organisation;
  };
  const a = partner(DEMO_PARTNER_A);
  const b = partner(DEMO_PARTNER_B);
  const dual1 = partner(DEMO_DUAL_1);
  const dual2 = partner(DEMO_DUAL_2);

  const accounts: { email: string; displayName: string; memberships: DemoUser['memberships']; what: string }[] = [
    { email: 'coordinator@lcm-demo.example', displayName: 'Demo Coördinator', memberships: [{ organisationId: centre.id, role: 'COORDINATOR' }], what: `coordinator — ${centre.name}` },
    { email: 'netadmin@lcm-demo.example', displayName: 'Demo Netwerkbeheerder', memberships: [{ organisationId: centre.id, role: 'NETWORK_ADMIN' }], what: `network admin — ${centre.name}` },
    { email: 'auditor@lcm-demo.example', displayName: 'Demo Auditor', memberships: [{ organisationId: centre.id, role: 'AUDITOR' }], what: `auditor — ${centre.name}` },
    { email: 'staff@lantaarn-demo.example', displayName: 'Demo Medewerker Lantaarn', memberships: [{ organisationId: a.id, role: 'PARTNER_STAFF' }], what: `partner staff — ${a.name}` },
    { email: 'admin@lantaarn-demo.example', displayName: 'Demo Beheerder Lantaarn', memberships: [{ organisationId: a.id, role: 'PARTNER_ADMIN' }], what: `partner admin — ${a.name}` },
    { email: 'staff@kompas-demo.example', displayName: 'Demo Medewerker Kompas', memberships: [{ organisationId: b.id, role: 'PARTNER_STAFF' }], what: `partner staff — ${b.name}` },
    { email: 'admin@kompas-demo.example', displayName: 'Demo Beheerder Kompas', memberships: [{ organisationId: b.id, role: 'PARTNER_ADMIN' }], what: `partner admin — ${b.name}` },
    {
      email: 'two-orgs@haven-demo.example',
      displayName: 'Demo Twee Organisaties',
      memberships: [
        { organisationId: dual1.id, role: 'PARTNER_STAFF' },
        { organisationId: dual2.id, role: 'PARTNER_ADMIN' },
      ],
      what: `partner staff — ${dual1.name}, and partner admin — ${dual2.name} (organisation picker)`,
    },
  ];

  // The demo accounts' own services stay open with free, fresh slots, so a demo of holding a slot works.
  for (const capacity of capacities) {
    const service = services.find((s) => s.id === capacity.serviceId)!;
    if (service.organisationId === a.id || service.organisationId === b.id) {
      Object.assign(capacity, { totalSlots: Math.max(capacity.totalSlots, 3), paused: false, confirmedDaysAgo: 1 });
    }
  }

  return {
    organisations,
    profiles,
    services,
    capacities,
    users: accounts.map((account) => ({
      id: stableUuid(`user:${account.email}`),
      email: account.email,
      displayName: account.displayName,
      password: DEMO_PASSWORD,
      // Network admins and auditors act only with a second factor (identity's second-factor-roles.ts).
      ...(account.memberships.some((m) => m.role === 'NETWORK_ADMIN' || m.role === 'AUDITOR') ? { totpSecret: DEMO_TOTP_SECRET } : {}),
      memberships: account.memberships,
    })),
    accounts: accounts.map(({ email, what }) => ({ email, what })),
  };
}
