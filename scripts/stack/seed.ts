import { createIdentityDb } from '@haven/identity/src/db';
import { seedIdentity } from '@haven/identity/src/domain/seed-identity';
import { createPartnersDb } from '@haven/partners/src/db';
import { seedPartners } from '@haven/partners/src/domain/seed-partners';
import { buildDemoNetwork, COORDINATING_CENTRE, type DemoCapacity } from '../demo-network';

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
    if (demoPresent) {
      await seedPartners(partners, {
        profiles: network.profiles,
        services: network.services,
        capacities: capacityRows(network.capacities, new Date()),
      });
    }
    return {
      seeded,
      demoPresent,
      organisations: await identity.organisation.count(),
      services: await partners.service.count(),
      capacities: await partners.capacity.count(),
    };
  } finally {
    await Promise.all([identity.$disconnect(), partners.$disconnect()]);
  }
}
