/**
 * Where Monaco (GraphiQL's editor) finds its web workers: files built beside this bundle and served from
 * the gateway's own origin (graphiql's own setups use a bundler plugin or esm.sh, a CDN). Imported before
 * anything that loads Monaco, which reads this global when it first needs a worker.
 */
const WORKER_FILE_BY_LABEL: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file = WORKER_FILE_BY_LABEL[label] ?? 'editor.worker.js';
    return new Worker(new URL(`./${file}`, import.meta.url));
  },
};

export {};
