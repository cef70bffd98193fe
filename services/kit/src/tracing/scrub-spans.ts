import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/**
 * Attributes that hold a full URL or target: the HTTP instrumentation writes them with the query string,
 * and a GraphQL GET carries the operation and its variables there (personal data, whatever a caller sends).
 */
const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full'];
/** The query string on its own (newer semantic conventions). */
const QUERY_ATTRIBUTES = ['url.query'];
/**
 * Where a request came from: the socket's peer and the first X-Forwarded-For entry (whatever the browser
 * claimed). Client addresses only ever choose a rate-limit bucket; they are kept out of logs, and out of
 * traces too.
 */
const ADDRESS_ATTRIBUTES = ['http.client_ip', 'client.address', 'net.peer.ip', 'network.peer.address', 'net.peer.port', 'network.peer.port'];

/**
 * Cleans every finished span before `next` (the exporting processor) sees it: query strings cut off URLs,
 * client addresses dropped. One place for the rule, whatever an instrumentation chooses to record.
 */
export class ScrubbingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // The span has ended: nothing else writes its attributes, and the exporter reads them from this object.
    const attributes = span.attributes as Record<string, unknown>;
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string') attributes[key] = withoutQuery(value);
    }
    for (const key of [...QUERY_ATTRIBUTES, ...ADDRESS_ATTRIBUTES]) delete attributes[key];
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
