import { startTracingIfConfigured } from '@haven/kit/src/tracing/start-tracing';

// Imported first by index.ts: tracing must be in place before anything loads `http`.
startTracingIfConfigured('partners');
