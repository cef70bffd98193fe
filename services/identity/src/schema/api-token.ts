import { API_SCOPES, type ApiScope } from '@haven/kit/src/taxonomy';
import { builder } from '../builder';
import { assertApiTokenAdmin } from '../domain/api-token-admin';
import { createApiToken } from '../domain/create-api-token';
import { revokeApiToken } from '../domain/revoke-api-token';

/** GraphQL enum names cannot hold ':': directory:read is DIRECTORY_READ on the wire, the scope string inside. */
export const ApiScopeEnum = builder.enumType('ApiScope', {
  values: Object.fromEntries(API_SCOPES.map((scope) => [scope.replace(':', '_').toUpperCase(), { value: scope }])) as Record<
    string,
    { value: ApiScope }
  >,
});

/**
 * An integration's token as its organisation's partner admins see it: never the secret or its hash.
 * Revoked tokens stay listed (revokedAt) as the record of who could act for the organisation.
 */
export const ApiTokenType = builder.prismaObject('ApiToken', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    scopes: t.field({ type: [ApiScopeEnum], resolve: (token) => API_SCOPES.filter((s) => token.scopes.includes(s)) }),
    prefix: t.exposeString('prefix', { description: 'The start of the token, to tell tokens apart; not usable on its own.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'null: does not expire.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'To the minute.' }),
  }),
});

const CreateApiTokenPayload = builder
  .objectRef<{ token: string; apiToken: { id: string } }>('CreateApiTokenPayload')
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'The whole token, shown this once: only a hash is kept. Send it as "Authorization: Bearer <token>".',
      }),
      apiToken: t.field({ type: ApiTokenType, resolve: (payload) => payload.apiToken as never }),
    }),
  });

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.field({ type: [ApiScopeEnum], required: true }),
    expiresAt: t.field({ type: 'DateTime', required: false, description: 'null or missing: the token does not expire.' }),
  }),
});

builder.queryFields((t) => ({
  apiTokens: t.prismaField({
    type: ['ApiToken'],
    description: "Your partner organisation's API tokens, newest first (partner admins).",
    resolve: async (query, _root, _args, ctx) => {
      const { organisationId } = await assertApiTokenAdmin(ctx.db, ctx.caller);
      return ctx.db.apiToken.findMany({ ...query, where: { organisationId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
    },
  }),
}));

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenPayload,
    description: 'A token for an integration of your partner organisation, with the scopes it needs (partner admins).',
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createApiToken(ctx.db, ctx.caller, { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt ?? null }, new Date(), ctx.requestId),
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    description: 'Stops a token of your organisation; the next request with it is refused (partner admins).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => revokeApiToken(ctx.db, ctx.caller, String(args.id), new Date(), ctx.requestId),
  }),
}));
