import { builder } from '../builder';
import { casesLoaders } from '../loaders';
import { grantEmergencyAccess } from '../domain/emergency/grant-emergency-access';
import type { VaultCategory } from '../generated/prisma/enums';
import { VaultCategoryEnum } from './case-personal-data';
import { OrganisationRef } from './organisation';
import { UserRef } from './user';

export const EmergencyGrantObject = builder.prismaObject('EmergencyGrant', {
  description: 'Break glass: one category of a case opened for a partner organisation without consent, with a reason, until expiresAt.',
  fields: (t) => ({
    id: t.exposeID('id'),
    category: t.expose('category', { type: VaultCategoryEnum }),
    organisation: t.field({ type: OrganisationRef, resolve: (grant) => ({ id: grant.organisationId }) }),
    reason: t.exposeString('reason'),
    grantedBy: t.field({ type: UserRef, resolve: (grant) => ({ id: grant.grantedByUserId }) }),
    grantedAt: t.expose('grantedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const GrantEmergencyAccessInput = builder.inputType('GrantEmergencyAccessInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    organisationId: t.id({ required: true, description: 'A partner organisation with an active referral of the case.' }),
    category: t.field({ type: VaultCategoryEnum, required: true }),
    reason: t.string({ required: true, description: 'Why consent cannot wait (10–1000 characters); auditors read it.' }),
  }),
});

builder.mutationFields((t) => ({
  grantEmergencyAccess: t.field({
    type: EmergencyGrantObject,
    description: "Coordinators: open one category of their case for a partner without consent, for a few hours, stating why.",
    args: { input: t.arg({ type: GrantEmergencyAccessInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      grantEmergencyAccess(ctx, {
        caseId: String(input.caseId),
        organisationId: String(input.organisationId),
        category: input.category as VaultCategory,
        reason: input.reason,
      }),
  }),
}));

builder.prismaObjectField('Case', 'emergencyGrants', (t) =>
  t.field({
    type: [EmergencyGrantObject],
    description: 'Every emergency grant of the case, active or expired (coordinators of its organisation).',
    resolve: (row, _args, ctx) => casesLoaders(ctx).emergencyGrantsByCase.load(row.id),
  }),
);
