import type { PartName } from '../taxonomy';

/** OpenTelemetry's own switches: an OTLP endpoint turns tracing on (OTEL_SDK_DISABLED=true overrides it). */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let shutdown: (() => Promise<void>) | undefined;

/**
 * Starts tracing for `part` when an OTLP endpoint is configured. Call it before anything loads `http`
 * (each part's src/tracing.ts, imported first by its index.ts). Without an endpoint the SDK is never
 * loaded: `require` here, not an import, is what keeps it out of the process.
 */
export function startTracingIfConfigured(part: PartName, env: NodeJS.ProcessEnv = process.env): boolean {
  if (shutdown || !tracingConfigured(env)) return false;
  const sdk = require('./otel-sdk') as typeof import('./otel-sdk');
  shutdown = sdk.startTracing(`haven-${part}`, env);
  return true;
}

/** Sends the spans still buffered and stops tracing; nothing to do when tracing never started. */
export async function stopTracing(): Promise<void> {
  const stop = shutdown;
  shutdown = undefined;
  await stop?.().catch(() => undefined);
}
