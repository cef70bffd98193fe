import { z } from 'zod';
import { ConfigError, loadConfig, metricsConfigShape, metricsListenerFrom } from './config';

const schema = z.object(metricsConfigShape);

describe('metrics settings', () => {
  it('no HAVEN_METRICS_PORT (or an empty one) means no metrics listener', () => {
    expect(metricsListenerFrom(loadConfig(schema, {}))).toBeUndefined();
    expect(metricsListenerFrom(loadConfig(schema, { HAVEN_METRICS_PORT: '' }))).toBeUndefined();
  });

  it('a port serves metrics on loopback unless HAVEN_METRICS_HOST names another address', () => {
    expect(metricsListenerFrom(loadConfig(schema, { HAVEN_METRICS_PORT: '9400' }))).toEqual({ port: 9400, host: '127.0.0.1' });
    expect(metricsListenerFrom(loadConfig(schema, { HAVEN_METRICS_PORT: '9400', HAVEN_METRICS_HOST: '0.0.0.0' }))).toEqual({ port: 9400, host: '0.0.0.0' });
  });

  it('a port that is not a port stops start-up, naming the setting', () => {
    for (const bad of ['metrics', '70000', '-1', '94.5']) {
      expect(() => loadConfig(schema, { HAVEN_METRICS_PORT: bad })).toThrow(ConfigError);
      expect(() => loadConfig(schema, { HAVEN_METRICS_PORT: bad })).toThrow(/HAVEN_METRICS_PORT/);
    }
  });
});
