import { callGateway, type GatewayFailure } from '@/lib/gateway';
import { hsdsDirectorySchema, mergeHsdsDirectories, type HsdsEntry } from '@/lib/hsds-directory';
import { log } from '@/lib/log';
import { directoryHsdsOperation } from '@/lib/operations/partners';

/**
 * The whole directory as one Open Referral HSDS 3.0 JSON document, for other directories to read. Open to
 * every signed-in member of the network (the gateway decides, as for the directory itself).
 *
 * A download, not a page: an ended session or a refusal answers JSON with a status rather than a redirect
 * to the login form, so a script or a saved link gets an error it can read instead of HTML. (Without any
 * session cookie the proxy still redirects to /login before this runs, as for every portal address.)
 */

const FILENAME = 'haven-directory-hsds-3.0.json';

// The body carries a code only: no stack, no gateway message, nothing about the caller.
function failed(failure: GatewayFailure): Response {
  if (failure.kind === 'UNAUTHENTICATED') return json({ error: 'UNAUTHENTICATED' }, 401);
  if (failure.kind === 'FORBIDDEN') return json({ error: 'FORBIDDEN' }, 403);
  log.error('directory export failed', { kind: failure.kind, code: failure.kind === 'REJECTED' ? failure.code : undefined });
  return json({ error: 'DIRECTORY_UNAVAILABLE' }, 502);
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    // The directory is only for members: no shared cache may keep it.
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

export async function GET(): Promise<Response> {
  const started = Date.now();
  const result = await callGateway(directoryHsdsOperation);
  if (!result.ok) return failed(result.failure);

  // `hsds` is a JSON scalar, typed `unknown`: check its shape before passing it on.
  const entries: HsdsEntry[] = [];
  for (const { organisation } of result.data.directoryProfiles) {
    const hsds = hsdsDirectorySchema.nullable().safeParse(organisation.hsds);
    if (!hsds.success) return failed({ kind: 'UNAVAILABLE' });
    entries.push({ organisation: { id: organisation.id, name: organisation.name, hsds: hsds.data } });
  }
  const directory = mergeHsdsDirectories(entries);
  log.info('directory exported', {
    organizations: directory.organizations.length,
    services: directory.services.length,
    ms: Date.now() - started,
  });
  return json(directory, 200, { 'content-disposition': `attachment; filename="${FILENAME}"` });
}
