import { isUuid } from '@haven/kit/src/graphql/uuid';
import { builder } from '../builder';
import { UserRef } from './user';
import { createService } from '../domain/create-service';
import { updateService } from '../domain/update-service';
import { partnersLoaders } from '../loaders';
import { OrganisationRef } from './organisation';
import { ADULT_AGE, ExploitationTypeEnum, GenderEnum } from './eligibility';
import { ProvinceEnum } from './province';
import { ServiceTypeEnum } from './service-type';

/** One service a partner offers: what (type), where (province) and for whom (age range). */
export const ServiceObject = builder.prismaObject('Service', {
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: ServiceTypeEnum }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    province: t.expose('province', { type: ProvinceEnum }),
    minAge: t.exposeInt('minAge', { nullable: true, description: 'Youngest age accepted; null: no lower bound.' }),
    maxAge: t.exposeInt('maxAge', { nullable: true, description: 'Oldest age accepted; null: no upper bound.' }),
    acceptsMinors: t.boolean({
      description: 'Derived from the age range (minAge null or below 18), so it never contradicts it.',
      select: { minAge: true },
      resolve: (service) => service.minAge === null || service.minAge < ADULT_AGE,
    }),
    genders: t.expose('genders', { type: [GenderEnum], description: 'Empty: every gender.' }),
    languages: t.exposeStringList('languages', { description: 'ISO 639-1 codes; empty: not stated.' }),
    exploitationTypes: t.expose('exploitationTypes', { type: [ExploitationTypeEnum], description: 'Empty: every type.' }),
    exclusions: t.exposeString('exclusions', { description: 'Who cannot be taken, in words.' }),
    street: t.exposeString('street'),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city', { description: "Empty: at the organisation's address." }),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    updatedBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who last changed it (null: the seed, or an integration token).',
      resolve: (row) => (row.updatedByUserId ? { id: row.updatedByUserId } : null),
    }),
    organisation: t.field({ type: OrganisationRef, resolve: (service) => ({ id: service.organisationId }) }),
    capacity: t.relation('capacity', { nullable: true, description: 'null until the organisation first states it.' }),
  }),
});

builder.asEntity(ServiceObject, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => partnersLoaders(ctx).serviceById.load(ref.id),
});

builder.objectField(OrganisationRef, 'services', (t) =>
  t.field({
    type: [ServiceObject],
    resolve: (organisation, _args, ctx) => partnersLoaders(ctx).servicesByOrganisation.load(organisation.id),
  }),
);

const ServiceFilterInput = builder.inputType('ServiceFilterInput', {
  fields: (t) => ({
    type: t.field({ type: ServiceTypeEnum }),
    province: t.field({ type: ProvinceEnum }),
  }),
});

/** The optional fields a service's editor sets: shared by create and update. */
const editableServiceFields = (t: InputFields) => ({
  description: t.string(),
  minAge: t.int(),
  maxAge: t.int(),
  genders: t.field({ type: [GenderEnum] }),
  languages: t.stringList({ description: 'ISO 639-1 codes, e.g. ["nl", "en"].' }),
  exploitationTypes: t.field({ type: [ExploitationTypeEnum] }),
  exclusions: t.string(),
  street: t.string(),
  postalCode: t.string(),
  city: t.string(),
  latitude: t.float({ description: 'Give with longitude; both null: no position (an edit clears it).' }),
  longitude: t.float(),
});
type InputFields = PothosSchemaTypes.InputFieldBuilder<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never, 'InputObject'>;

const UpdateServiceInput = builder.inputType('UpdateServiceInput', {
  description: 'Fields left out keep their value; minAge/maxAge null removes that bound; lists replace the whole list.',
  fields: (t) => ({
    id: t.id({ required: true }),
    type: t.field({ type: ServiceTypeEnum }),
    name: t.string(),
    province: t.field({ type: ProvinceEnum }),
    ...editableServiceFields(t),
  }),
});

const CreateServiceInput = builder.inputType('CreateServiceInput', {
  description: 'A new service of an organisation that has a directory profile. It has no capacity until the organisation states it (updateCapacity), so matching leaves it out until then.',
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    type: t.field({ type: ServiceTypeEnum, required: true }),
    name: t.string({ required: true }),
    province: t.field({ type: ProvinceEnum, required: true }),
    ...editableServiceFields(t),
  }),
});

builder.queryFields((t) => ({
  services: t.prismaField({
    type: ['Service'],
    description: 'Services in the directory, optionally of one type and/or in one province.',
    args: { filter: t.arg({ type: ServiceFilterInput }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.service.findMany({
        ...query,
        where: { type: filter?.type ?? undefined, province: filter?.province ?? undefined },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
  service: t.prismaField({
    type: 'Service',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      isUuid(String(id)) ? ctx.db.service.findUnique({ ...query, where: { id: String(id) } }) : null,
  }),
}));

builder.mutationFields((t) => ({
  createService: t.field({
    type: ServiceObject,
    description:
      'Adds a service to an organisation (its partner admins; network admins for any). CONFLICT (reason PROFILE_MISSING) before the organisation has a directory profile.',
    args: { input: t.arg({ type: CreateServiceInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createService(ctx.db, ctx.caller, { ...input, organisationId: String(input.organisationId) }, ctx.requestId),
  }),
  updateService: t.field({
    type: ServiceObject,
    args: { input: t.arg({ type: UpdateServiceInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateService(ctx.db, ctx.caller, { ...input, id: String(input.id) }, ctx.requestId),
  }),
}));
