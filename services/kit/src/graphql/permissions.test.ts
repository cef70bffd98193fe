import { buildSchema as makeSchema, graphql } from 'graphql';
import { allow, deny } from 'graphql-shield';
import type { Role } from '../taxonomy';
import type { Identity } from '../trust/tokens';
import {
  applyPermissions,
  hasActiveOrganisation,
  hasRole,
  hasScope,
  isUser,
  memberOrScope,
  mergeRuleMaps,
  roleOrScope,
} from './permissions';

describe('mergeRuleMaps', () => {
  it('joins the field maps of one type from several files', () => {
    const merged = mergeRuleMaps({ Query: { a: allow } }, { Query: { b: deny }, Case: { id: allow } }, { _Service: allow });
    expect(merged).toEqual({ Query: { a: allow, b: deny }, Case: { id: allow }, _Service: allow });
  });

  it('refuses a field given a rule in two files, and a type rule given twice', () => {
    expect(() => mergeRuleMaps({ Query: { a: allow } }, { Query: { a: deny } })).toThrow('Query.a is given a rule twice');
    expect(() => mergeRuleMaps({ _Service: allow }, { _Service: allow })).toThrow('_Service is given a rule twice');
  });
});

describe('rules for users and integrations', () => {
  const ORG = '00000000-0000-4000-8000-00000000000a';
  const user = (roles: Role[], organisationId: string | null = ORG): Identity => ({
    subject: 'u',
    kind: 'user',
    sessionId: 's',
    organisationId,
    roles,
    scopes: [],
  });
  const integration = (scopes: string[], roles: Role[] = []): Identity => ({
    subject: 't',
    kind: 'integration',
    sessionId: 't',
    organisationId: ORG,
    roles,
    scopes,
  });

  const schema = applyPermissions(
    makeSchema(`type Query { staffOrRead: Boolean directory: Boolean staffOnly: Boolean member: Boolean person: Boolean scopeOnly: Boolean }`),
    {
      Query: {
        staffOrRead: roleOrScope(['PARTNER_STAFF', 'PARTNER_ADMIN'], 'referrals:read'),
        directory: memberOrScope('directory:read'),
        staffOnly: hasRole('PARTNER_STAFF'),
        member: hasActiveOrganisation,
        person: isUser,
        scopeOnly: hasScope('capacity:write'),
      },
    },
  );

  async function allowed(caller: Identity | null): Promise<Record<string, boolean>> {
    const result = await graphql({
      schema,
      source: '{ staffOrRead directory staffOnly member person scopeOnly }',
      rootValue: { staffOrRead: true, directory: true, staffOnly: true, member: true, person: true, scopeOnly: true },
      contextValue: { caller, requestId: 'r' },
    });
    const data = (result.data ?? {}) as Record<string, unknown>;
    return Object.fromEntries(['staffOrRead', 'directory', 'staffOnly', 'member', 'person', 'scopeOnly'].map((f) => [f, data[f] === true]));
  }

  it('lets a user in by role and an integration by scope, never the other way round', async () => {
    expect(await allowed(user(['PARTNER_STAFF']))).toEqual({
      staffOrRead: true,
      directory: true,
      staffOnly: true,
      member: true,
      person: true,
      scopeOnly: false,
    });
    expect(await allowed(integration(['referrals:read']))).toEqual({
      staffOrRead: true,
      directory: false,
      staffOnly: false,
      member: false,
      person: false,
      scopeOnly: false,
    });
    expect(await allowed(integration(['directory:read', 'capacity:write']))).toEqual({
      staffOrRead: false,
      directory: true,
      staffOnly: false,
      member: false,
      person: false,
      scopeOnly: true,
    });
  });

  it('refuses an integration by role even if its identity named one, and a user by scope', async () => {
    expect((await allowed(integration([], ['PARTNER_STAFF']))).staffOnly).toBe(false);
    expect((await allowed(integration([], ['PARTNER_STAFF']))).staffOrRead).toBe(false);
    expect((await allowed({ ...user([]), scopes: ['referrals:read', 'directory:read'] })).staffOrRead).toBe(false);
  });

  it('refuses a user without an organisation and anonymous callers', async () => {
    expect(await allowed(user(['PARTNER_STAFF'], null))).toEqual({
      staffOrRead: false,
      directory: false,
      staffOnly: false,
      member: false,
      person: true,
      scopeOnly: false,
    });
    expect(Object.values(await allowed(null)).some(Boolean)).toBe(false);
  });

  it('gives one rule per name, so two rule files may ask for the same combination', () => {
    expect(roleOrScope(['PARTNER_ADMIN', 'PARTNER_STAFF'], 'referrals:read')).toBe(
      roleOrScope(['PARTNER_STAFF', 'PARTNER_ADMIN'], 'referrals:read'),
    );
    expect(memberOrScope('directory:read')).toBe(memberOrScope('directory:read'));
    expect(roleOrScope(['PARTNER_STAFF'], 'referrals:read')).not.toBe(roleOrScope(['PARTNER_STAFF'], 'referrals:write'));
  });
});
