import { randomUUID } from 'node:crypto';
import { TEST_ORGANISATIONS, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Issue 8: "any cell counting fewer than 5 people is suppressed … A test proves small cells never leak."
// Real services and databases behind the real gateway: a quarter of made-up referrals full of small cells,
// some of them of cases whose consent does not cover statistics; then no count the network's statistics
// show is 1–4, none can be worked out from a total, and every shown count is the true one.

const STATS = `query ($year: Int!, $quarter: Int!) {
  referralStatistics(year: $year, quarter: $quarter) {
    year quarter minimumCellSize
    weeks { weekStart total { value suppressed } states { state count { value suppressed } } }
    stateTotals { state count { value suppressed } }
    total { value suppressed }
    outcomes { outcome count { value suppressed } }
    acceptanceRate { value suppressed } medianHoursToFirstResponse { value suppressed } medianHoursToIntake { value suppressed }
    overdue { value suppressed }
  }
}`;
// A past quarter no other test writes referrals into (they all send "now").
const YEAR = 2022;
const QUARTER = 3;
const QUARTER_START = Date.UTC(YEAR, 6, 1);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const STATES = ['SENT', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'IN_CARE', 'CANCELLED', 'CLOSED'] as const;
const OUTCOMES = ['COMPLETED', 'CLIENT_LEFT', 'TRANSFERRED', 'REFERRED_ELSEWHERE', 'OTHER'] as const;

type Cell = { value: number | null; suppressed: boolean };
interface Arranged { caseId: string; counted: boolean; state: (typeof STATES)[number]; sentAt: Date; outcome: (typeof OUTCOMES)[number] | null }

let stack: Stack;
const arranged: Arranged[] = [];
// Organisations of their own: statistics span the network, and other test files (sharing this database) list
// the fixture organisations' referrals soonest deadline first — 2022's overdue ones would push theirs off the page.
const CENTRE = randomUUID();
const PARTNER = randomUUID();

let seed = 20_220_701;
const random = (max: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % max);

beforeAll(async () => {
  stack = await startStack();
  for (let n = 0; n < 140; n++) {
    const counted = n % 6 !== 0;
    const created = await stack.dbs.cases.case.create({
      data: { reference: `STAT-${randomUUID().slice(0, 8)}`, urgency: 'STANDARD', needs: ['SHELTER'], coordinatingOrganisationId: CENTRE, coordinatorUserId: TEST_USERS.coordinatorA.id },
    });
    await stack.dbs.consent.consentRecord.create({
      data: {
        recordId: randomUUID(), version: 1, caseId: created.id, legalBasis: 'CONSENT_CLIENT', categories: ['IDENTITY'], wholeNetwork: true,
        recipientOrganisationIds: [], purposes: counted ? ['REFERRAL_CARE', 'STATISTICS'] : ['REFERRAL_CARE'], givenBy: 'CLIENT', givenHow: 'WRITTEN',
        recordedByUserId: TEST_USERS.coordinatorA.id, recordedByOrganisationId: CENTRE, validFrom: new Date(QUARTER_START - DAY),
      },
    });
    // Most people have one referral, some two: cells are judged by people, not referrals.
    for (let r = 0; r < (n % 4 === 0 ? 2 : 1); r++) {
      // Early weeks are busy, late ones thin, so the quarter holds both visible and small cells.
      const sentAt = new Date(QUARTER_START + (random(3) === 0 ? random(88) : random(20)) * DAY + random(20) * HOUR);
      const state = STATES[random(3) === 0 ? random(STATES.length) : random(3)]!;
      const answered = state !== 'SENT' && state !== 'EXPIRED' && state !== 'WITHDRAWN';
      const outcome = state === 'CLOSED' ? OUTCOMES[random(OUTCOMES.length)]! : null;
      await stack.dbs.cases.referral.create({
        data: {
          caseId: created.id, serviceId: randomUUID(), need: 'SHELTER', organisationId: PARTNER, coordinatingOrganisationId: CENTRE,
          state, sentAt, sentByUserId: TEST_USERS.coordinatorA.id, deadlineAt: new Date(sentAt.getTime() + 72 * HOUR),
          respondedAt: answered ? new Date(sentAt.getTime() + (1 + random(90)) * HOUR) : null,
          declineReason: state === 'DECLINED' ? 'NO_CAPACITY' : null,
          intakeAt: state === 'IN_CARE' || state === 'CLOSED' ? new Date(sentAt.getTime() + 100 * HOUR) : null,
          outcome,
        },
      });
      arranged.push({ caseId: created.id, counted, state, sentAt, outcome });
    }
  }
});
afterAll(async () => {
  await stack?.close();
});

/** Every {value, suppressed} count cell in a response, wherever it sits. */
function countCells(node: unknown, found: Cell[] = []): Cell[] {
  if (Array.isArray(node)) node.forEach((item) => countCells(item, found));
  else if (node && typeof node === 'object') {
    if ('suppressed' in node && 'value' in node && Number.isInteger((node as Cell).value ?? 0)) found.push(node as Cell);
    for (const [key, child] of Object.entries(node)) if (!key.startsWith('median') && key !== 'acceptanceRate') countCells(child, found);
  }
  return found;
}

const weekOf = (at: Date, weekStarts: number[]) => weekStarts.filter((start) => start <= at.getTime()).length - 1;

describe('network statistics never leak a small cell', () => {
  let stats: any;

  beforeAll(async () => {
    const session = await stack.login(TEST_USERS.auditor.email);
    const { body } = await stack.graphql(STATS, { year: YEAR, quarter: QUARTER }, session);
    expect(body.errors).toBeUndefined();
    stats = body.data.referralStatistics;
  });

  it('arranged a quarter that really has small cells (else the test below proves nothing)', () => {
    const perWeekState = new Map<string, Set<string>>();
    for (const r of arranged.filter((a) => a.counted)) {
      const key = `${Math.floor((r.sentAt.getTime() - QUARTER_START) / (7 * DAY))}|${r.state}`;
      perWeekState.set(key, (perWeekState.get(key) ?? new Set()).add(r.caseId));
    }
    expect([...perWeekState.values()].filter((people) => people.size < 5).length).toBeGreaterThan(10);
    expect([...perWeekState.values()].filter((people) => people.size >= 5).length).toBeGreaterThan(2);
  });

  it('shows no count of 1–4 anywhere in the response, and every hidden cell as null', () => {
    const cells = countCells(stats);
    expect(cells.length).toBeGreaterThan(100);
    for (const cell of cells) {
      expect(cell.suppressed ? cell.value === null : cell.value !== null && (cell.value === 0 || cell.value >= 5)).toBe(true);
    }
    expect(cells.some((cell) => cell.suppressed)).toBe(true);
    expect(cells.some((cell) => !cell.suppressed && cell.value! >= 5)).toBe(true);
  });

  it('never leaves exactly one hidden cell in a week, a state, the margins or the outcomes (no differencing)', () => {
    const lines: Cell[][] = [
      ...stats.weeks.map((w: any) => [...w.states.map((s: any) => s.count), w.total]),
      ...STATES.map((state, column) => [...stats.weeks.map((w: any) => w.states[column].count), stats.stateTotals[column].count]),
      [...stats.weeks.map((w: any) => w.total), stats.total],
      [...stats.stateTotals.map((s: any) => s.count), stats.total],
      [...stats.outcomes.map((o: any) => o.count), stats.stateTotals[STATES.indexOf('CLOSED')].count],
    ];
    for (const line of lines) expect(line.filter((cell) => cell.suppressed).length).not.toBe(1);
  });

  it('shows the true count wherever it shows one, counting only cases whose consent covers statistics', () => {
    const weekStarts = stats.weeks.map((w: any) => Date.parse(w.weekStart));
    const counted = arranged.filter((a) => a.counted);
    expect(stats.total).toEqual({ value: counted.length, suppressed: false });
    stats.weeks.forEach((week: any, row: number) => {
      week.states.forEach((s: any) => {
        const truth = counted.filter((a) => weekOf(a.sentAt, weekStarts) === row && a.state === s.state).length;
        if (!s.count.suppressed) expect(s.count.value).toBe(truth);
      });
    });
    STATES.forEach((state, column) => {
      if (!stats.stateTotals[column].count.suppressed) expect(stats.stateTotals[column].count.value).toBe(counted.filter((a) => a.state === state).length);
    });
  });

  it('shows no held-slot count of 1–4 in capacity utilisation, and hides the utilisation with it', async () => {
    // Interpretation in Zeeland: only this test's services (others use shelters in Utrecht). 3 held: small.
    for (const held of [1, 2]) {
      const service = await stack.dbs.partners.service.create({ data: { organisationId: TEST_ORGANISATIONS.partnerA.id, type: 'INTERPRETATION', name: `Statistics ${randomUUID().slice(0, 8)}`, province: 'ZEELAND' } });
      await stack.dbs.partners.capacity.create({ data: { serviceId: service.id, totalSlots: 10, heldSlots: held } });
    }
    const { body } = await stack.graphql(
      `{ capacityStatistics { province serviceType services totalSlots heldSlots { value suppressed } utilisation { value suppressed } } }`,
      {},
      await stack.login(TEST_USERS.coordinatorA.email),
    );
    expect(body.errors).toBeUndefined();
    const rows = body.data.capacityStatistics as any[];
    for (const row of rows) {
      expect(row.heldSlots.suppressed ? row.heldSlots.value === null : row.heldSlots.value === 0 || row.heldSlots.value >= 5).toBe(true);
      if (row.heldSlots.suppressed) expect(row.utilisation).toEqual({ value: null, suppressed: true });
    }
    expect(rows.find((r) => r.province === 'ZEELAND' && r.serviceType === 'INTERPRETATION')).toEqual({
      province: 'ZEELAND', serviceType: 'INTERPRETATION', services: 2, totalSlots: 20, heldSlots: { value: null, suppressed: true }, utilisation: { value: null, suppressed: true },
    });
  });

  it('refuses statistics when the consent service cannot answer, rather than count without it', async () => {
    await stack.stopSubgraph('consent');
    const { body } = await stack.graphql(STATS, { year: YEAR, quarter: QUARTER }, await stack.login(TEST_USERS.coordinatorA.email));
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(body.data?.referralStatistics ?? null).toBeNull();
  });
});
