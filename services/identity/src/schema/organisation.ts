import { builder } from '../builder';
import { createOrganisation } from '../domain/create-organisation';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { ORGANISATION_KINDS } from '@haven/kit/src/taxonomy';
import { organisationLoader } from './loaders';

export const OrganisationKind = builder.enumType('OrganisationKind', {
  values: ORGANISATION_KINDS,
});

/** The shared directory: every signed-in caller may read it. Partners extend it with their profile. */
export const OrganisationType = builder.prismaObject('Organisation', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OrganisationKind }),
    active: t.exposeBoolean('active'),
  }),
});

builder.asEntity(OrganisationType, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => organisationLoader(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  organisations: t.prismaField({
    type: ['Organisation'],
    description: 'Every organisation in the network, by name.',
    resolve: (query, _root, _args, ctx) => ctx.db.organisation.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
  organisation: t.prismaField({
    type: 'Organisation',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = String(args.id);
      return isUuid(id) ? ctx.db.organisation.findUnique({ ...query, where: { id } }) : null;
    },
  }),
}));

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Trimmed; 2 to 200 characters; unique in the network.' }),
    kind: t.field({ type: OrganisationKind, required: true }),
  }),
});

builder.mutationFields((t) => ({
  createOrganisation: t.prismaField({
    type: 'Organisation',
    description: 'A new organisation, without members yet: createUser adds its first admin (network admins). CONFLICT when the name is taken.',
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const created = await createOrganisation(ctx.db, ctx.caller, { name: input.name, kind: input.kind }, ctx.requestId);
      return ctx.db.organisation.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
}));
