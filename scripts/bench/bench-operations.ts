import type { BenchAccounts } from './bench-network';
import { portalOperation } from './portal-operation';

export type OperationLabel = 'inbox' | 'dashboard';

export interface BenchOperation {
  label: OperationLabel;
  /** The e-mail of the account that asks it. */
  account: string;
  body: { query: string; operationName: string; variables: Record<string, unknown> };
  /** Throws unless `data` holds the lists the benchmark network gave this account (a wrong answer is no measurement). */
  check(data: unknown): void;
}

/**
 * The two screens the issue names, with the portal's own documents: a partner's inbox (active referrals with
 * case, service and thread) and the coordinator's dashboard (overdue and sent referrals with case, service and
 * organisation; open cases), asked by accounts whose lists hold `size` items.
 */
export function benchOperations(accounts: BenchAccounts, size: number): BenchOperation[] {
  const inbox = portalOperation('inbox.ts', 'PortalIncomingReferrals');
  const dashboard = portalOperation('cases.ts', 'PortalCoordinatorDashboard');
  return [
    {
      label: 'inbox',
      account: accounts.partnerStaff,
      body: { ...inbox, variables: { states: null, after: null } },
      check: (data) => expectLength(data, ['incomingReferrals'], size),
    },
    {
      label: 'dashboard',
      account: accounts.coordinator,
      body: { ...dashboard, variables: {} },
      check: (data) => {
        // The portal's overdue list stops at 50; every benchmark referral is overdue.
        expectLength(data, ['overdueReferrals'], Math.min(size, 50));
        expectLength(data, ['sentReferrals'], size);
        expectLength(data, ['cases'], size);
      },
    },
  ];
}

function expectLength(data: unknown, path: string[], expected: number): void {
  let node: unknown = data;
  for (const key of path) node = (node as Record<string, unknown> | null)?.[key];
  const nodes = (node as { nodes?: unknown[] } | null)?.nodes;
  if (!Array.isArray(nodes) || nodes.length !== expected) {
    throw new Error(`${path.join('.')}: expected ${expected} nodes, got ${Array.isArray(nodes) ? nodes.length : 'none'}`);
  }
}
