import { ConfigError, introspectionEnabled, metricsListenerFrom, type SubgraphConfig } from '../config';
import type { DbOptions } from '../db/prisma';
import { describeError } from '../errors';
import { createLogger, type Logger } from '../log';
import { listenMetrics } from '../metrics/metrics-server';
import { createPartMetrics, type PartMetrics } from '../metrics/part-metrics';
import { stopTracing } from '../tracing/start-tracing';
import type { SubgraphName } from '../taxonomy';
import { loadPartKeys } from '../trust/keys';
import type { RunningServer } from './apollo-http';
import type { DbSubgraphDeps } from './db-subgraph';

interface Listenable {
  listen(port: number, host?: string): Promise<RunningServer>;
}

/** A part's metrics and where to serve them (config.ts metricsListenerFrom). */
export interface MetricsListener {
  metrics: PartMetrics;
  port: number;
  host: string;
}

/** The part's metrics when HAVEN_METRICS_PORT is set; otherwise none are collected. */
export function partMetricsFrom(
  part: PartMetrics['part'],
  config: { HAVEN_METRICS_PORT?: number; HAVEN_METRICS_HOST: string },
): MetricsListener | undefined {
  const listener = metricsListenerFrom(config);
  return listener && { metrics: createPartMetrics(part), ...listener };
}

/**
 * Listen, say where, and on SIGTERM/SIGINT stop taking new requests, let in-flight ones finish,
 * release resources and exit.
 */
export async function runService(options: {
  name: string;
  server: Listenable;
  port: number;
  host: string;
  log?: Logger;
  onStop?: () => Promise<unknown>;
  metrics?: MetricsListener;
}) {
  const log = options.log ?? createLogger({ service: options.name });
  const running = await options.server.listen(options.port, options.host);
  log.info('listening', { url: running.url });
  const metricsServer = options.metrics && (await listenMetrics(options.metrics.metrics.registry, options.metrics.port, options.metrics.host));
  if (metricsServer) log.info('serving metrics', { url: metricsServer.url });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    await options.onStop?.();
    await metricsServer?.close();
    // Last, so the spans of the requests that just finished are still sent.
    await stopTracing();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/**
 * Runs a part's start-up. A bad setting ends the process (exit 1) with just its message, naming the setting,
 * on stderr; any other failure to start is logged as a JSON line (like every other error), then exit 1.
 */
export function startPart(name: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${name}: ${error.message}\n`);
    else createLogger({ service: name }).error('failed to start', describeError(error as Error));
    process.exit(1);
  });
}

/**
 * The whole of a database-backed subgraph's index.ts: config → keys → db → server → listen, and on a
 * signal a graceful stop that disconnects the database last. Configuration and keys are read
 * synchronously, so a bad setting stops the process before anything listens.
 */
export function runSubgraph<Config extends SubgraphConfig, Db extends { $disconnect(): Promise<unknown> }>(options: {
  name: SubgraphName;
  loadConfig(): Config;
  createDb(databaseUrl: string, poolMax: number, options: DbOptions): Db;
  /** Usually create<Service>Server; `config` is there for service-specific settings. */
  createServer(deps: DbSubgraphDeps<Db>, config: Config): Listenable;
  /** Background jobs, started once the server listens and stopped (rounds in flight finished) before the database closes. */
  startBackground?(deps: DbSubgraphDeps<Db>, config: Config): { stop(): Promise<void> };
}): void {
  startPart(options.name, () => startSubgraph(options));
}

async function startSubgraph<Config extends SubgraphConfig, Db extends { $disconnect(): Promise<unknown> }>(
  options: Parameters<typeof runSubgraph<Config, Db>>[0],
): Promise<void> {
  const config = options.loadConfig();
  const keys = loadPartKeys(options.name, config.HAVEN_KEYS_DIR);
  const metrics = partMetricsFrom(options.name, config);
  const db = options.createDb(config.DATABASE_URL, config.DB_POOL_MAX, { onPool: metrics?.metrics.watchPool });
  const log = createLogger({ service: options.name });
  const deps = { db, keys, log, introspection: introspectionEnabled(config), metrics: metrics?.metrics };
  const server = options.createServer(deps, config);
  let background: { stop(): Promise<void> } | undefined;
  await runService({
    name: options.name,
    server,
    port: config.PORT,
    host: config.HOST,
    log,
    metrics,
    onStop: async () => {
      await background?.stop();
      await db.$disconnect();
    },
  });
  background = options.startBackground?.(deps, config);
}
