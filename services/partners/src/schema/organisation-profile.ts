import { builder } from '../builder';
import { UserRef } from './user';
import { updateOrganisationProfile } from '../domain/update-organisation-profile';
import { partnersLoaders } from '../loaders';
import { OrganisationRef } from './organisation';
import { CareOrganisationKindEnum } from './eligibility';
import { ProvinceEnum } from './province';

/** What the network directory says about one organisation (identity holds its name and kind). */
export const OrganisationProfileObject = builder.prismaObject('OrganisationProfile', {
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, resolve: (profile) => ({ id: profile.organisationId }) }),
    careKind: t.expose('careKind', { type: CareOrganisationKindEnum }),
    description: t.exposeString('description'),
    province: t.expose('province', { type: ProvinceEnum, description: 'Province of the address.' }),
    regionsServed: t.expose('regionsServed', { type: [ProvinceEnum], description: 'Provinces it takes referrals from.' }),
    street: t.exposeString('street'),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city'),
    latitude: t.exposeFloat('latitude', { nullable: true, description: 'WGS84; null when not known.' }),
    longitude: t.exposeFloat('longitude', { nullable: true, description: 'WGS84; null when not known.' }),
    intakePhone: t.exposeString('intakePhone', { description: "The intake desk's phone number (organisational)." }),
    intakeEmail: t.exposeString('intakeEmail', { description: "The intake desk's e-mail address (organisational)." }),
    intakeHours: t.exposeString('intakeHours'),
    languages: t.exposeStringList('languages', { description: 'ISO 639-1 codes of the languages spoken.' }),
    acceptingReferrals: t.exposeBoolean('acceptingReferrals'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    updatedBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who last changed it (null: the seed, or an integration token).',
      resolve: (row) => (row.updatedByUserId ? { id: row.updatedByUserId } : null),
    }),
  }),
});

builder.objectField(OrganisationRef, 'profile', (t) =>
  t.field({
    type: OrganisationProfileObject,
    nullable: true,
    description: 'The directory profile; null until the organisation has one.',
    resolve: (organisation, _args, ctx) => partnersLoaders(ctx).profileByOrganisation.load(organisation.id),
  }),
);

const UpdateOrganisationProfileInput = builder.inputType('UpdateOrganisationProfileInput', {
  description: 'Fields left out keep their value. A first edit creates the profile and needs province and city.',
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    careKind: t.field({ type: CareOrganisationKindEnum }),
    description: t.string(),
    province: t.field({ type: ProvinceEnum }),
    regionsServed: t.field({ type: [ProvinceEnum] }),
    street: t.string(),
    postalCode: t.string(),
    city: t.string(),
    latitude: t.float({ description: 'Give with longitude; both null clears the position.' }),
    longitude: t.float(),
    intakePhone: t.string(),
    intakeEmail: t.string(),
    intakeHours: t.string(),
    languages: t.stringList({ description: 'ISO 639-1 codes, e.g. ["nl", "en"].' }),
    acceptingReferrals: t.boolean(),
  }),
});

builder.queryFields((t) => ({
  directoryProfiles: t.prismaField({
    type: ['OrganisationProfile'],
    description: 'Every organisation profile in the directory, by province, then city.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.organisationProfile.findMany({
        ...query,
        orderBy: [{ province: 'asc' }, { city: 'asc' }, { organisationId: 'asc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  updateOrganisationProfile: t.field({
    type: OrganisationProfileObject,
    args: { input: t.arg({ type: UpdateOrganisationProfileInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateOrganisationProfile(ctx.db, ctx.caller, { ...input, organisationId: String(input.organisationId) }, ctx.requestId),
  }),
}));
