import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ScrubbingSpanProcessor } from './scrub-spans';

function exportOneSpan(attributes: Record<string, string | number>) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new ScrubbingSpanProcessor(new SimpleSpanProcessor(exporter))] });
  provider.getTracer('test').startSpan('GET', { attributes }).end();
  return exporter.getFinishedSpans()[0]!.attributes;
}

describe('ScrubbingSpanProcessor', () => {
  it("exports URLs without their query string: a GET operation's variables never leave", () => {
    const query = '?query=query+Probe+%7B+__typename+%7D&variables=%7B%22note%22%3A%22secret%22%7D';
    const exported = exportOneSpan({
      'http.url': `http://gateway:4000/graphql${query}`,
      'http.target': `/graphql${query}`,
      'url.full': `http://gateway:4000/graphql${query}#part`,
      'url.query': query.slice(1),
      'url.path': '/graphql',
      'http.method': 'GET',
      'http.status_code': 200,
    });
    expect(exported).toEqual({
      'http.url': 'http://gateway:4000/graphql',
      'http.target': '/graphql',
      'url.full': 'http://gateway:4000/graphql',
      'url.path': '/graphql',
      'http.method': 'GET',
      'http.status_code': 200,
    });
  });

  it("drops the client's address, from the socket or from X-Forwarded-For", () => {
    const exported = exportOneSpan({
      'http.client_ip': '198.51.100.7',
      'client.address': '198.51.100.7',
      'net.peer.ip': '198.51.100.8',
      'network.peer.address': '198.51.100.8',
      'net.peer.port': 51234,
      'http.route': '/graphql',
    });
    expect(exported).toEqual({ 'http.route': '/graphql' });
  });
});
