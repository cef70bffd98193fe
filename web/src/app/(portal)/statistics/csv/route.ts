import { callGateway, type GatewayFailure } from '@/lib/gateway';
import { log } from '@/lib/log';
import { statisticsOperation } from '../operations';
import { parsePeriod } from '../period';
import { statisticsCsv } from '../statistics-csv';

/**
 * The statistics page's figures as CSV, asked of the gateway with the caller's own session (so the same
 * roles and the same suppression apply as on the page). A download, not a page: refusals answer a status
 * and a code, never a redirect or HTML.
 */

function failed(failure: GatewayFailure): Response {
  if (failure.kind === 'UNAUTHENTICATED') return text('UNAUTHENTICATED', 401);
  if (failure.kind === 'FORBIDDEN') return text('FORBIDDEN', 403);
  log.error('statistics export failed', { kind: failure.kind, code: failure.kind === 'REJECTED' ? failure.code : undefined });
  return text('STATISTICS_UNAVAILABLE', 502);
}

function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  // Figures for coordinators and auditors only: no shared cache may keep them.
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const asked = parsePeriod({ year: params.get('year') ?? undefined, quarter: params.get('quarter') ?? undefined }, new Date());
  if (!asked.ok) return text('BAD_USER_INPUT', 400);
  const result = await callGateway(statisticsOperation, { variables: asked.period });
  if (!result.ok) return failed(result.failure);
  const filename = `haven-statistics-${asked.period.year}-q${asked.period.quarter}.csv`;
  return text(statisticsCsv(result.data), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
}
