import DataLoader from 'dataloader';
import { writeAuditEvents, type AuditEventInput } from '@haven/kit/src/audit/write';
import { requestLoader } from '@haven/kit/src/graphql/loaders';
import type { CasesContext } from '../../context';
import type { VaultCategory } from '../../generated/prisma/enums';
import type { CaseView } from '../case-access';
import type { ReadBasis } from '../personal-data-gate';
import { auditActor } from './audit-events';

/**
 * The audit events of one personal-data read: one per basis (the coordinating organisation; each consent record
 * version; each emergency grant), naming the categories it opened. Ids only — never a value.
 */
export function readEvents(ctx: CasesContext, view: CaseView, bases: ReadonlyMap<VaultCategory, ReadBasis>): AuditEventInput[] {
  const groups = new Map<string, { basis: ReadBasis; categories: VaultCategory[] }>();
  for (const [category, basis] of bases) {
    const key = basis.kind === 'CONSENT' ? `c:${basis.consentRecordId}` : basis.kind === 'EMERGENCY' ? `e:${basis.grantId}` : 'own';
    const group = groups.get(key) ?? { basis, categories: [] };
    group.categories.push(category);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ basis, categories }) => ({
    ...auditActor(ctx.caller, ctx.requestId),
    action: 'personal-data.read',
    caseId: view.id,
    caseOrganisationId: view.coordinatingOrganisationId,
    categories,
    purpose: 'REFERRAL_CARE',
    consentRecordId: basis.kind === 'CONSENT' ? basis.consentRecordId : null,
    emergencyGrantId: basis.kind === 'EMERGENCY' ? basis.grantId : null,
    emergencyReason: basis.kind === 'EMERGENCY' ? basis.reason : null,
  }));
}

/**
 * Records reads before the data leaves: every case of a response that opens personal data adds its events
 * here, and they are written in one INSERT per request tick (a list of 50 cases is one statement, not 50).
 * If writing fails the caller withholds the data: no read without its record (NEN 7513).
 */
export function recordReads(ctx: CasesContext, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  return readsWriter(ctx).load(events);
}

function readsWriter(ctx: CasesContext) {
  return requestLoader(ctx, 'audit.reads', () =>
    new DataLoader<AuditEventInput[], void>(
      async (batches) => {
        await writeAuditEvents(ctx.db, batches.flat());
        return batches.map(() => undefined);
      },
      { cache: false },
    ),
  );
}

/**
 * A thread's message bodies are free text about the person: opening them is recorded like a personal-data
 * read — once per thread per request, whatever the number of messages, before the first body leaves.
 */
export function recordThreadRead(ctx: CasesContext, thread: { id: string; caseId: string; coordinatingOrganisationId: string }): Promise<void> {
  const recorded = requestLoader(ctx, 'audit.thread-reads', () => new Map<string, Promise<void>>());
  let pending = recorded.get(thread.id);
  if (!pending) {
    pending = recordReads(ctx, [
      {
        ...auditActor(ctx.caller, ctx.requestId),
        action: 'message.read',
        caseId: thread.caseId,
        caseOrganisationId: thread.coordinatingOrganisationId,
        referralId: thread.id,
        categories: [],
        purpose: 'REFERRAL_CARE',
      },
    ]);
    recorded.set(thread.id, pending);
  }
  return pending;
}
