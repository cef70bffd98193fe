import { createServer } from 'node:http';
import type { Registry } from 'prom-client';
import { listenHttp, type RunningServer } from '../http/apollo-http';
import { sendError } from '../http/body';

/**
 * The metrics listener: its own port, GET /metrics and nothing else. Never the public port — metrics tell
 * an outsider what runs and how busy it is — and bound to loopback unless HAVEN_METRICS_HOST says otherwise.
 */
export async function listenMetrics(registry: Registry, port: number, host: string): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return sendError(res, 404, 'NOT_FOUND', 'Not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'BAD_REQUEST', 'Use GET');
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Metrics could not be collected'),
    );
  });
  const running = await listenHttp(server, port, host);
  return { ...running, url: running.url.replace(/\/graphql$/, '/metrics') };
}
