/**
 * The demo network `npm start` seeds into an empty database: one coordinating centre, 75 partner
 * organisations over all twelve provinces, and one account per role. Everything here is fictional —
 * organisation names are invented brands plus a real town (so matching has real geography), people are
 * "Demo …", and every email address uses the reserved `.example` domain. Deterministic: ids are derived
 * from names, so every machine and every re-seed sees the same network.
 */
import { PROVINCES, type Province, type Role, type ServiceType } from '@haven/kit/src/taxonomy';
import { stableUuid } from './stack/stable-uuid';

/** One password for every demo account; printed by `npm start` and listed in README.md. */
export const DEMO_PASSWORD = 'haven-demo-2026';

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
  memberships: { organisationId: string; role: Role }[];
}
export interface DemoProfile {
  organisationId: string;
  description: string;
  province: Province;
  city: string;
  acceptingReferrals: boolean;
}
export interface DemoService {
  id: string;
  organisationId: string;
  type: ServiceType;
  name: string;
  description: string;
  province: Province;
  minAge: number | null;
  maxAge: number | null;
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

interface ServiceTemplate {
  type: ServiceType;
  name: string;
  description: string;
  minAge: number | null;
  maxAge: number | null;
}

/** An invented brand per kind of organisation, and the services such an organisation plausibly offers. */
const CATEGORIES: Record<Category, { brand: string; about: string; services: ServiceTemplate[] }> = {
  shelter: {
    brand: 'Opvanghuis De Lantaarn',
    about: 'Beschermde opvang voor volwassen slachtoffers van mensenhandel.',
    services: [
      { type: 'SHELTER', name: 'Beschermde opvang volwassenen', description: 'Categorale opvang met 24-uurs begeleiding.', minAge: 18, maxAge: null },
      { type: 'CRISIS_ACCOMMODATION', name: 'Crisisbed', description: 'Direct beschikbaar crisisbed, ook buiten kantoortijden.', minAge: 18, maxAge: null },
    ],
  },
  youth: {
    brand: 'Jeugdhulp Het Kompas',
    about: 'Jeugdhulp en beschermde opvang voor minderjarige slachtoffers.',
    services: [
      { type: 'YOUTH_CARE', name: 'Ambulante jeugdhulp', description: 'Begeleiding thuis of in het netwerk van de jongere.', minAge: 12, maxAge: 17 },
      { type: 'SHELTER', name: 'Beschermde opvang minderjarigen', description: 'Kleinschalige, beveiligde woongroep voor minderjarigen.', minAge: 12, maxAge: 17 },
      { type: 'CRISIS_ACCOMMODATION', name: 'Crisisplek jongeren', description: 'Tijdelijke crisisplaatsing voor jongeren.', minAge: 12, maxAge: 17 },
    ],
  },
  mentalHealth: {
    brand: 'GGZ Lichtbaken',
    about: 'Geestelijke gezondheidszorg met specialistische traumabehandeling.',
    services: [
      { type: 'MENTAL_HEALTH', name: 'Traumabehandeling volwassenen', description: 'EMDR en traumagerichte therapie.', minAge: 18, maxAge: null },
      { type: 'MENTAL_HEALTH', name: 'Traumazorg jongeren', description: 'Traumabehandeling voor jongeren, met betrokkenheid van voogd of ouders.', minAge: 12, maxAge: 17 },
    ],
  },
  legal: {
    brand: 'Rechtshulp Vrije Stem',
    about: 'Juridische bijstand voor slachtoffers: aangifte, verblijfsrecht en schadevergoeding.',
    services: [
      { type: 'LEGAL_AID', name: 'Juridisch advies en bijstand', description: 'Advocaten gespecialiseerd in slachtofferrecht en vreemdelingenrecht.', minAge: null, maxAge: null },
    ],
  },
  municipal: {
    brand: 'Sociaal Wijkteam',
    about: 'Gemeentelijke ondersteuning bij wonen, inkomen en zorg (demo).',
    services: [
      { type: 'HOUSING', name: 'Woonbegeleiding', description: 'Hulp bij het vinden en behouden van een woning.', minAge: 18, maxAge: null },
      { type: 'FINANCIAL_AID', name: 'Inkomen en schuldhulp', description: 'Bijzondere bijstand, uitkering en schuldhulpverlening.', minAge: 18, maxAge: null },
    ],
  },
  medical: {
    brand: 'Gezondheidscentrum De Linde',
    about: 'Huisartsenzorg, medisch onderzoek en seksuele gezondheid.',
    services: [
      { type: 'MEDICAL_CARE', name: 'Medisch onderzoek en huisartsenzorg', description: 'Laagdrempelige medische zorg, ook zonder verzekering.', minAge: null, maxAge: null },
      { type: 'MEDICAL_CARE', name: 'Spreekuur seksuele gezondheid', description: 'Soa-onderzoek, anticonceptie en zwangerschapszorg.', minAge: 16, maxAge: null },
    ],
  },
  addiction: {
    brand: 'Verslavingszorg Keerpunt',
    about: 'Verslavingszorg voor volwassenen en jongeren.',
    services: [
      { type: 'ADDICTION_CARE', name: 'Verslavingsbehandeling volwassenen', description: 'Ambulante en klinische behandeling.', minAge: 18, maxAge: null },
      { type: 'ADDICTION_CARE', name: 'Jongerenpoli verslaving', description: 'Behandeling voor jongeren met middelengebruik.', minAge: 14, maxAge: 23 },
    ],
  },
  interpretation: {
    brand: 'Tolkencollectief Babel',
    about: 'Beëdigde tolken op locatie, telefonisch en via video.',
    services: [
      { type: 'INTERPRETATION', name: 'Tolken op locatie en op afstand', description: 'Onder meer Roemeens, Bulgaars, Nigeriaans Engels, Tigrinya en Vietnamees.', minAge: null, maxAge: null },
    ],
  },
  educationWork: {
    brand: 'Leerwerkplaats Nieuw Begin',
    about: 'Taal, scholing en begeleiding naar werk.',
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

export function buildDemoNetwork(): DemoNetwork {
  const centre: DemoOrganisation = { id: stableUuid(`organisation:${COORDINATING_CENTRE}`), name: COORDINATING_CENTRE, kind: 'COORDINATING' };
  const organisations: DemoOrganisation[] = [centre];
  const profiles: DemoProfile[] = [];
  const services: DemoService[] = [];
  const byKey = new Map<string, DemoOrganisation>();

  PROVINCES.forEach((province, p) => {
    const cities = CITIES[province];
    [...CORE, ...(EXTRA[province] ?? [])].forEach((category, i) => {
      const template = CATEGORIES[category];
      const city = cities[i % cities.length]!;
      const name = `${template.brand} ${city}`;
      const organisation: DemoOrganisation = { id: stableUuid(`organisation:${name}`), name, kind: 'PARTNER' };
      organisations.push(organisation);
      byKey.set(`${category}:${province}`, organisation);
      profiles.push({
        organisationId: organisation.id,
        description: `${template.about} Fictieve demo-organisatie.`,
        province,
        city,
        // A few partners are temporarily not taking referrals, so the directory shows both states.
        acceptingReferrals: (p + i) % 11 !== 3,
      });
      // 1–3 services: the first always, the others for most organisations (varied, but deterministic).
      const count = 1 + ((p + i) % template.services.length);
      for (const service of template.services.slice(0, count)) {
        services.push({
          id: stableUuid(`service:${name}:${service.name}`),
          organisationId: organisation.id,
          type: service.type,
          name: service.name,
          description: service.description,
          province,
          minAge: service.minAge,
          maxAge: service.maxAge,
        });
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

  return {
    organisations,
    profiles,
    services,
    users: accounts.map((account) => ({
      id: stableUuid(`user:${account.email}`),
      email: account.email,
      displayName: account.displayName,
      password: DEMO_PASSWORD,
      memberships: account.memberships,
    })),
    accounts: accounts.map(({ email, what }) => ({ email, what })),
  };
}
