import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ScrubbingSpanProcessor } from './scrub-spans';

/** Probes every few seconds from Docker and the start script: spans nobody wants. */
const isProbe = (path: string | undefined) => (path ?? '').startsWith('/health/');

/**
 * OpenTelemetry for one part, loaded only when configured (start-tracing.ts). The exporter takes its
 * endpoint, headers and timeouts from the standard OTEL_EXPORTER_OTLP_* variables. W3C trace context
 * travels on every HTTP call: `http` instrumentation covers incoming requests and the gateway's subgraph
 * fetches (node-fetch over `http`), `undici` instrumentation covers the parts' internal calls (global fetch).
 * Spans carry method, path and status — never headers or bodies (tokens, personal data), and, scrubbed
 * before export (scrub-spans.ts), never a query string or a client's address.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv): () => Promise<void> {
  const provider = new NodeTracerProvider({
    resource: new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [new ScrubbingSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter()))],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // (The exporter's own posts need no rule: the batch processor sends them with tracing suppressed.)
        ignoreIncomingRequestHook: (request) => isProbe(request.url),
        ignoreOutgoingRequestHook: (request) => isProbe(request.path ?? undefined),
      }),
      new UndiciInstrumentation(),
    ],
  });
  return async () => {
    unregister();
    await provider.shutdown();
  };
}
