import { randomUUID } from 'node:crypto';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { messageRules } from './message-rules';

// The object rules are the second line behind the domain's checks: whatever path hands a Message or a
// thread to GraphQL, a third party's request is refused field by field.
type RuleLike = { resolve(parent: unknown, args: unknown, ctx: unknown, info: unknown, options: unknown): Promise<unknown> };
const fieldRule = (type: string, field: string) => (messageRules[type] as Record<string, RuleLike>)[field]!;
const decide = (rule: RuleLike, parent: unknown, who: Identity | null) =>
  rule.resolve(parent, {}, { caller: who, requestId: 'test' }, {}, { debug: false, allowExternalErrors: true });
const allowed = async (rule: RuleLike, parent: unknown, who: Identity | null) => (await decide(rule, parent, who)) === true;

describe('message permission rules', () => {
  const coordinatingOrg = randomUUID();
  const partnerOrg = randomUUID();
  const referral = { id: randomUUID(), caseId: randomUUID(), organisationId: partnerOrg, coordinatingOrganisationId: coordinatingOrg };
  const message = { id: randomUUID(), side: 'COORDINATOR', referral };
  const coordinator = caller(coordinatingOrg, ['COORDINATOR']);
  const staff = caller(partnerOrg, ['PARTNER_STAFF']);

  it.each(['id', 'body', 'side', 'sentAt', 'author', 'authorOrganisation'])('Message.%s is for the two parties only', async (field) => {
    const rule = fieldRule('Message', field);
    expect(await allowed(rule, message, coordinator)).toBe(true);
    expect(await allowed(rule, message, staff)).toBe(true);
    expect(await allowed(rule, message, caller(randomUUID(), ['PARTNER_STAFF']))).toBe(false);
    expect(await allowed(rule, message, caller(randomUUID(), ['COORDINATOR']))).toBe(false);
    expect(await allowed(rule, message, caller(partnerOrg, ['NETWORK_ADMIN']))).toBe(false);
    expect(await allowed(rule, message, null)).toBe(false);
    // A message that does not carry its referral's parties is never shown.
    expect(await allowed(rule, { id: message.id, side: 'COORDINATOR' }, coordinator)).toBe(false);
  });

  it.each(['side', 'messages', 'unreadCount'])("MessageThread.%s is only for the caller's own side of it", async (field) => {
    const rule = fieldRule('MessageThread', field);
    expect(await allowed(rule, { referral, side: 'PARTNER' }, staff)).toBe(true);
    expect(await allowed(rule, { referral, side: 'COORDINATOR' }, coordinator)).toBe(true);
    // One side's view (its unread count) is not the other side's.
    expect(await allowed(rule, { referral, side: 'COORDINATOR' }, staff)).toBe(false);
    expect(await allowed(rule, { referral, side: 'PARTNER' }, caller(randomUUID(), ['PARTNER_STAFF']))).toBe(false);
  });

  it('Referral.messageThread is for the two parties only', async () => {
    const rule = fieldRule('Referral', 'messageThread');
    expect(await allowed(rule, referral, coordinator)).toBe(true);
    expect(await allowed(rule, referral, staff)).toBe(true);
    expect(await allowed(rule, referral, caller(randomUUID(), ['PARTNER_ADMIN']))).toBe(false);
    expect(await allowed(rule, referral, caller(coordinatingOrg, ['AUDITOR']))).toBe(false);
  });

  it.each(['nodes', 'endCursor', 'hasNextPage'])('MessageConnection.%s is for the two parties only', async (field) => {
    const rule = fieldRule('MessageConnection', field);
    expect(await allowed(rule, { nodes: [], referral }, staff)).toBe(true);
    expect(await allowed(rule, { nodes: [], referral }, caller(randomUUID(), ['COORDINATOR']))).toBe(false);
  });
});
