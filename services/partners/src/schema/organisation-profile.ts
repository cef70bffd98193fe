import { builder } from '../builder';
import { updateOrganisationProfile } from '../domain/update-organisation-profile';
import { partnersLoaders } from '../loaders';
import { OrganisationRef } from './organisation';
import { ProvinceEnum } from './province';

/** What the network directory says about one organisation (identity holds its name and kind). */
export const OrganisationProfileObject = builder.prismaObject('OrganisationProfile', {
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, resolve: (profile) => ({ id: profile.organisationId }) }),
    description: t.exposeString('description'),
    province: t.expose('province', { type: ProvinceEnum }),
    city: t.exposeString('city'),
    acceptingReferrals: t.exposeBoolean('acceptingReferrals'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
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
    description: t.string(),
    province: t.field({ type: ProvinceEnum }),
    city: t.string(),
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
      updateOrganisationProfile(ctx.db, ctx.caller, { ...input, organisationId: String(input.organisationId) }),
  }),
}));
