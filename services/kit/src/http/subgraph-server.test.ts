import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createMemoryLogger } from '../log';
import { generateKeySet, partKeysFromSet } from '../trust/keys';
import { requestSubgraph } from '../testing/subgraph-client';
import type { RunningServer } from './apollo-http';
import { createSubgraphServer } from './subgraph-server';

// What an unexpected failure leaves behind: a masked error for the client, and a log line an operator
// can use — without the request's variables, whatever they held.

const SECRET = 'do-not-log-this-value-7f3a';

class FakePrismaError extends Error {
  readonly clientVersion = '7.10.0';
  readonly code = 'P2002';
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      explode: {
        type: GraphQLString,
        args: { secret: { type: GraphQLString } },
        resolve: () => {
          throw new Error('disk on fire');
        },
      },
      explodePrisma: {
        type: GraphQLString,
        args: { secret: { type: GraphQLString } },
        resolve: (_root, args: { secret: string }) => {
          // Prisma quotes the failed call, arguments included, above the database's own words.
          throw new FakePrismaError(`\nInvalid \`db.user.create()\` invocation:\n{ data: { email: "${args.secret}" } }\nUnique constraint failed`);
        },
      },
    },
  }),
});

const keys = generateKeySet();
const log = createMemoryLogger();
let running: RunningServer;
beforeAll(async () => {
  running = await createSubgraphServer({
    name: 'cases',
    schema,
    keys: partKeysFromSet(keys, 'cases'),
    log,
    introspection: false,
    extendContext: (base) => base,
  }).listen(0);
});
afterAll(() => running.close());
beforeEach(() => log.lines.splice(0));

const ask = (query: string) =>
  requestSubgraph(
    { url: running.url, audience: 'cases', gatewayKeys: partKeysFromSet(keys, 'gateway') },
    { query, variables: { secret: SECRET } },
  );

describe('answers', () => {
  it('are marked no-store, so no cache on the way keeps what they hold', async () => {
    const answer = await ask('{ explode }');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('unexpected resolver errors', () => {
  it('reach the client masked, with the request id, and are logged without the variables', async () => {
    const response = await ask('query($secret: String) { explode(secret: $secret) }');
    const error = response.body.errors?.[0];
    expect(error?.message).toBe('Internal server error');
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(response.body)).not.toContain('disk on fire');
    const logged = log.lines.join('\n');
    expect(logged).toContain('disk on fire');
    expect(logged).toContain(error?.extensions?.requestId);
    expect(logged).not.toContain(SECRET);
  });

  it('log only the database’s own message of a Prisma error, not the quoted call with its arguments', async () => {
    const response = await ask('query($secret: String) { explodePrisma(secret: $secret) }');
    expect(response.body.errors?.[0]?.message).toBe('Internal server error');
    const logged = log.lines.join('\n');
    expect(logged).toContain('Unique constraint failed');
    expect(logged).toContain('P2002');
    expect(logged).not.toContain(SECRET);
  });
});

describe('malformed requests', () => {
  it('a JSON body that is not an object is refused with 400 before anything else, and not logged as an error', async () => {
    const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' });
    expect(response.status).toBe(400);
    expect(log.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});
