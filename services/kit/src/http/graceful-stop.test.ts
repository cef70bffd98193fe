import { request } from 'node:http';
import { connect } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { listenApollo, type RunningServer } from './apollo-http';

/**
 * The graceful stop every part runs on SIGTERM (run-service.ts → RunningServer.close): requests in flight
 * finish, new connections are refused, a request that still arrives on an open connection gets 503.
 */
describe('graceful stop', () => {
  let running: RunningServer;
  let releaseSlow: () => void;
  let slowArrived: Promise<void>;

  beforeEach(async () => {
    let arrived!: () => void;
    slowArrived = new Promise((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (releaseSlow = resolve));
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
    running = await listenApollo(
      apollo,
      (req, res) => {
        if (req.url !== '/slow') return void res.end('fast');
        arrived();
        void released.then(() => res.end('slow done'));
      },
      0,
      '127.0.0.1',
    );
  });

  afterEach(async () => {
    releaseSlow();
    await running.close();
  });

  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: running.port, path }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('lets the request in flight finish and refuses new connections', async () => {
    const slow = get('/slow');
    await slowArrived;
    const closing = running.close();

    await expect(get('/fast')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    releaseSlow();
    await expect(slow).resolves.toEqual({ status: 200, body: 'slow done' });
    await closing;
  });

  it('answers 503 with Connection: close to a request that arrives on an open connection while stopping', async () => {
    // A keep-alive socket with a request in flight when the stop begins, and a second request sent after.
    const socket = connect(running.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /slow HTTP/1.1\r\nHost: part\r\n\r\n');
    await slowArrived;
    const closing = running.close();
    socket.write('GET /fast HTTP/1.1\r\nHost: part\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    releaseSlow();
    await ended;
    await closing;

    const statuses = [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => match[1]);
    expect(statuses).toEqual(['200', '503']);
    expect(received).toMatch(/slow done/);
    expect(received).not.toMatch(/fast/);
    expect(received.toLowerCase()).toMatch(/\r\nconnection: close\r\n/);
    expect(received).toMatch(/"code":"SERVICE_UNAVAILABLE"/);
  });
});
