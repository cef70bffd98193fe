import { createIdentityDb } from '@haven/identity/src/db';
import { seedIdentity } from '@haven/identity/src/domain/seed-identity';
import { createPartnersDb } from '@haven/partners/src/db';
import { seedPartners } from '@haven/partners/src/domain/seed-partners';
import { buildDemoNetwork, COORDINATING_CENTRE } from '../demo-network';

export interface SeedResult {
  /** True when this call inserted the network (the database held no organisations). */
  seeded: boolean;
  /** True when the database holds the demo network (seeded now or earlier), so its accounts work. */
  demoPresent: boolean;
  organisations: number;
  services: number;
}

/**
 * Seeds the demo network into an empty database; leaves a database that holds any organisation alone.
 * Identity decides ("organisations table empty"); partners follows when identity holds the demo centre, which
 * also completes a first run that was interrupted between the two.
 */
export async function seedDemoNetwork(urls: { identity: string; partners: string }): Promise<SeedResult> {
  const network = buildDemoNetwork();
  const centreId = network.organisations.find((o) => o.name === COORDINATING_CENTRE)!.id;
  const identity = createIdentityDb(urls.identity, 2);
  const partners = createPartnersDb(urls.partners, 2);
  try {
    const { seeded } = await seedIdentity(identity, { organisations: network.organisations, users: network.users });
    const demoPresent = (await identity.organisation.count({ where: { id: centreId } })) > 0;
    if (demoPresent) await seedPartners(partners, { profiles: network.profiles, services: network.services });
    return {
      seeded,
      demoPresent,
      organisations: await identity.organisation.count(),
      services: await partners.service.count(),
    };
  } finally {
    await Promise.all([identity.$disconnect(), partners.$disconnect()]);
  }
}
