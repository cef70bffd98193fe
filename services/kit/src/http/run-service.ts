import { createLogger } from '../log';
import type { RunningServer } from './subgraph-server';

interface Listenable {
  listen(port: number, host?: string): Promise<RunningServer>;
}

/**
 * The whole of a service's index.ts: listen, say where, and on SIGTERM/SIGINT stop taking new
 * requests, let in-flight ones finish, release resources and exit.
 */
export async function runService(options: {
  name: string;
  server: Listenable;
  port: number;
  host: string;
  onStop?: () => Promise<unknown>;
}) {
  const log = createLogger({ service: options.name });
  const running = await options.server.listen(options.port, options.host);
  log.info('listening', { url: running.url });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    await options.onStop?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
