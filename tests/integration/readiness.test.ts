import { createMemoryLogger } from '@haven/kit/src/log';
import { testDatabase } from '@haven/kit/src/testing/db';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import type { RunningServer } from '@haven/kit/src/http/apollo-http';
import { createPartnersDb, type PartnersDb } from '@haven/partners/src/db';
import { createPartnersServer } from '@haven/partners/src/server';

/**
 * Readiness asks the part's own database (a load balancer takes a part whose database is gone out of
 * rotation); liveness does not (restarting a healthy process would not bring the database back).
 */
describe('readiness and liveness of a database-backed subgraph', () => {
  const keys = generateKeySet();
  const started: { server: RunningServer; db: PartnersDb }[] = [];

  async function partnersWith(databaseUrl: string) {
    const db = createPartnersDb(databaseUrl, 1);
    const server = await createPartnersServer({ db, keys: partKeysFromSet(keys, 'partners'), log: createMemoryLogger(), introspection: false }).listen(0);
    started.push({ server, db });
    const origin = new URL(server.url).origin;
    return (path: string) => fetch(`${origin}${path}`);
  }

  afterAll(async () => {
    for (const { server, db } of started) {
      await server.close();
      await db.$disconnect();
    }
  });

  it('is ready when its database answers', async () => {
    const get = await partnersWith(testDatabase().appUrl('partners'));
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is live but not ready (503, typed, nothing about the database) when its database does not answer', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const get = await partnersWith('postgresql://haven_partners:unused@127.0.0.1:1/haven');
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body).toEqual({ errors: [{ message: 'Not ready', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect((await get('/health/live')).status).toBe(200);
  });
});
