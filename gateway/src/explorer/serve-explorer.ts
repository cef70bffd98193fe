import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '@haven/kit/src/http/body';
import type { Logger } from '@haven/kit/src/log';
import { buildExplorer, type ExplorerBundle } from './build-explorer';
import { explorerAssetHeaders, EXPLORER_PAGE_HEADERS } from './explorer-headers';
import { EXPLORER_ASSETS_PATH, EXPLORER_PATH, explorerPage } from './explorer-page';

export interface Explorer {
  /** Builds (or reads the cached) bundle; call before listening so the first visitor does not wait. */
  prepare(): Promise<void>;
  /** Whether `path` belongs to the explorer (everything else is not its business). */
  serves(path: string): boolean;
  /** Answers the page or one asset; throws HttpError for anything else under the explorer's path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): void;
}

/** GraphiQL, served by the gateway from its own origin (GET /explorer): no CDN, works offline. */
export function createExplorer(options: { log: Logger; cacheDir?: string }): Explorer {
  let bundle: ExplorerBundle | undefined;
  let page: Buffer | undefined;

  return {
    async prepare() {
      const startedAt = Date.now();
      bundle = await buildExplorer({
        cacheDir: options.cacheDir,
        onCacheUnwritable: (error) =>
          options.log.warn('explorer bundle not cached; rebuilt at every start', { reason: (error as NodeJS.ErrnoException).code ?? error.message }),
      });
      page = Buffer.from(explorerPage(bundle.version));
      options.log.info('explorer ready', { version: bundle.version, ms: Date.now() - startedAt });
    },

    serves: (path) => path === EXPLORER_PATH || path.startsWith(`${EXPLORER_PATH}/`),

    handle(req, res, path) {
      if (!bundle || !page) throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'Not ready');
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'BAD_REQUEST', 'Use GET');
      if (path === EXPLORER_PATH) return send(res, method, EXPLORER_PAGE_HEADERS, page);

      const prefix = `${EXPLORER_ASSETS_PATH}/${bundle.version}/`;
      const name = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
      // Exact names from the bundle only: nothing is ever read from disk by a request's path.
      const contents = name === undefined ? undefined : bundle.files.get(name);
      const headers = name === undefined ? undefined : explorerAssetHeaders(name);
      if (!contents || !headers) throw new HttpError(404, 'NOT_FOUND', 'Not found');
      send(res, method, headers, contents);
    },
  };
}

function send(res: ServerResponse, method: string, headers: Readonly<Record<string, string>>, body: Buffer) {
  res.writeHead(200, { ...headers, 'content-length': String(body.length) });
  res.end(method === 'HEAD' ? undefined : body);
}
