import type { Role } from '@haven/kit/src/taxonomy';
import { builder } from '../builder';
import { removeMember } from '../domain/remove-member';
import { ordered, setMemberRoles } from '../domain/set-member-roles';
import type { User } from '../generated/prisma/client';
import { userLoader } from './loaders';
import { RoleEnum } from './membership';
import { UserType } from './user';
import { OrganisationType } from './organisation';

/** What a member row carries: which organisation it is of, for the field rules (permissions.ts). */
export interface OrganisationMemberShape {
  organisationId: string;
  userId: string;
  roles: Role[];
  /** Loaded with the list; absent after a mutation (then loaded by id). */
  user?: User;
}

/**
 * A person in one organisation with all their roles there, for the admin screens: one entry per person (the
 * database keeps one Membership row per role). Readable by network admins and by partner admins of that
 * organisation (permissions.ts), never the person's memberships elsewhere.
 */
export const OrganisationMemberType = builder.objectRef<OrganisationMemberShape>('OrganisationMember').implement({
  fields: (t) => ({
    user: t.field({
      type: UserType,
      resolve: async (member, _args, ctx) => member.user ?? (await userLoader(ctx).load(member.userId))!,
    }),
    roles: t.field({ type: [RoleEnum], resolve: (member) => member.roles }),
  }),
});

builder.prismaObjectField(OrganisationType, 'members', (t) =>
  t.field({
    type: [OrganisationMemberType],
    nullable: true,
    description:
      "The organisation's people with their roles there, deactivated accounts included, by name (network admins; partner admins of their own organisation).",
    resolve: async (organisation, _args, ctx) => {
      const rows = await ctx.db.membership.findMany({
        where: { organisationId: organisation.id },
        include: { user: true },
        orderBy: [{ user: { displayName: 'asc' } }, { userId: 'asc' }],
      });
      const byUser = new Map<string, OrganisationMemberShape>();
      for (const row of rows) {
        const entry = byUser.get(row.userId) ?? { organisationId: organisation.id, userId: row.userId, roles: [], user: row.user };
        entry.roles.push(row.role as Role);
        byUser.set(row.userId, entry);
      }
      return [...byUser.values()].map((member) => ({ ...member, roles: ordered(member.roles) }));
    },
  }),
);

builder.mutationFields((t) => ({
  setMemberRoles: t.field({
    type: OrganisationMemberType,
    description:
      "Replaces a member's roles in one organisation; at least one, fitting its kind. Network admins for any organisation, " +
      'partner admins for their own. Refused with CONFLICT (extensions.reason OWN_ADMIN_ROLE or LAST_ADMIN) when it would ' +
      'take your own admin role away or leave the organisation without an active admin.',
    args: {
      userId: t.arg.id({ required: true }),
      organisationId: t.arg.id({ required: true }),
      roles: t.arg({ type: [RoleEnum], required: true }),
    },
    resolve: (_root, args, ctx) =>
      setMemberRoles(ctx.db, ctx.caller, { userId: String(args.userId), organisationId: String(args.organisationId), roles: args.roles }, ctx.requestId),
  }),
  removeMember: t.prismaField({
    type: 'Organisation',
    description:
      'Takes a person out of one organisation (all their roles there) and ends their sessions working in it; their account ' +
      'and other memberships stay. Network admins for any organisation, partner admins for their own. CONFLICT with ' +
      'extensions.reason OWN_MEMBERSHIP (yourself) or LAST_ADMIN (the last active admin).',
    args: { userId: t.arg.id({ required: true }), organisationId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const organisationId = String(args.organisationId);
      await removeMember(ctx.db, ctx.caller, { userId: String(args.userId), organisationId }, new Date(), ctx.requestId);
      return ctx.db.organisation.findUniqueOrThrow({ ...query, where: { id: organisationId } });
    },
  }),
}));

