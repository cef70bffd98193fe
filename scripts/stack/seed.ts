import { createIdentityDb } from '@haven/identity/src/db';
import type { KeyObject } from 'node:crypto';
import { seedIdentity } from '@haven/identity/src/domain/seed-identity';
import { totpSecretBox } from '@haven/identity/src/domain/totp-secret-box';
import { createPartnersDb } from '@haven/partners/src/db';
import { seedPartners } from '@haven/partners/src/domain/seed-partners';
import { parseKeyRing } from '@haven/kit/src/crypto/key-ring';
import { createCasesDb } from '@haven/cases/src/db';
import { seedCases } from '@haven/cases/src/domain/seed-cases';
import { createConsentDb } from '@haven/consent/src/db';
import { seedConsent } from '@haven/consent/src/domain/seed-consent';
import { seedHolds } from '@haven/partners/src/domain/seed-partners';
import { buildDemoCases, type DemoCases } from '../demo-cases';
import { buildDemoNetwork, COORDINATING_CENTRE, type DemoCapacity, type DemoNetwork } from '../demo-network';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The demo states "confirmed N days ago"; the row needs a moment, taken relative to this seed. */
export function capacityRows(capacities: DemoCapacity[], now: Date) {
  return capacities.map(({ confirmedDaysAgo, ...capacity }) => ({
    ...capacity,
    confirmedAt: new Date(now.getTime() - confirmedDaysAgo * DAY_MS),
  }));
}

export interface SeedResult {
  /** True when this call inserted the network (the database held no organisations). */
  seeded: boolean;
  /** True when the database holds the demo network (seeded now or earlier), so its accounts work. */
  demoPresent: boolean;
  organisations: number;
  services: number;
  /** Services with a declared capacity. */
  capacities: number;
  /** Demo cases: whether this call inserted them, and how many cases the database holds (null: not seeded, no key ring). */
  casesSeeded: boolean;
  cases: number | null;
}

export interface SeedUrls {
  identity: string;
  partners: string;
  /** With vaultKeys: also the demo cases, consent records and slot holds. */
  cases?: string;
  consent?: string;
}

/**
 * Seeds the demo network into an empty database; leaves a database that holds any organisation alone.
 * Identity decides ("organisations table empty"); partners follows when identity holds the demo centre, which
 * also completes a first run that was interrupted between the two.
 */
export async function seedDemoNetwork(
  urls: SeedUrls,
  options: { vaultKeys?: string; now?: Date; /** identity's private key: seals the demo admin's and auditor's TOTP secret. */ identityKey?: KeyObject } = {},
): Promise<SeedResult> {
  const network = buildDemoNetwork();
  const centreId = network.organisations.find((o) => o.name === COORDINATING_CENTRE)!.id;
  const identity = createIdentityDb(urls.identity, 2);
  const partners = createPartnersDb(urls.partners, 2);
  try {
    const totpBox = options.identityKey ? totpSecretBox(options.identityKey) : undefined;
    const { seeded } = await seedIdentity(identity, { organisations: network.organisations, users: network.users }, { totpBox });
    const demoPresent = (await identity.organisation.count({ where: { id: centreId } })) > 0;
    if (demoPresent) {
      await seedPartners(partners, {
        profiles: network.profiles,
        services: network.services,
        capacities: capacityRows(network.capacities, new Date()),
      });
    }
    const demoCases =
      demoPresent && urls.cases && urls.consent && options.vaultKeys
        ? await seedDemoCases(network, { cases: urls.cases, consent: urls.consent, partners: urls.partners }, options.vaultKeys, options.now ?? new Date())
        : null;
    return {
      seeded,
      demoPresent,
      organisations: await identity.organisation.count(),
      services: await partners.service.count(),
      capacities: await partners.capacity.count(),
      casesSeeded: demoCases?.seeded ?? false,
      cases: demoCases?.cases ?? null,
    };
  } finally {
    await Promise.all([identity.$disconnect(), partners.$disconnect()]);
  }
}

/**
 * The demo cases, after the network. Cases decides ("cases table empty"); consent and the slot holds follow
 * whenever cases holds the first demo case, which also completes a first run interrupted between them —
 * both are idempotent (consent skips cases that have records, holds are keyed by referral id).
 */
async function seedDemoCases(
  network: DemoNetwork,
  urls: { cases: string; consent: string; partners: string },
  vaultKeys: string,
  now: Date,
): Promise<{ seeded: boolean; cases: number }> {
  const ring = parseKeyRing(vaultKeys, 'HAVEN_VAULT_KEYS');
  const data = buildDemoCases(network, now);
  const cases = createCasesDb(urls.cases, 2);
  const consent = createConsentDb(urls.consent, 2);
  const partners = createPartnersDb(urls.partners, 2);
  try {
    const { seeded } = await seedCases(cases, ring, data);
    if ((await cases.case.count({ where: { id: data.cases[0]!.id } })) > 0) {
      await seedConsent(consent, { records: data.consents, subjects: subjectsOf(data) });
      await seedHolds(partners, data.holds);
    }
    return { seeded, cases: await cases.case.count() };
  } finally {
    await Promise.all([cases.$disconnect(), consent.$disconnect(), partners.$disconnect()]);
  }
}

function subjectsOf(data: DemoCases) {
  return Object.fromEntries(data.cases.map((c) => [c.id, { age: c.age, ageGroup: c.ageGroup }]));
}
