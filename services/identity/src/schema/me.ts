import type { Role } from '@haven/kit/src/taxonomy';
import { builder } from '../builder';
import type { IdentityContext } from '../context';
import { changePassword } from '../domain/change-password';
import { endSession } from '../domain/end-session';
import { sessionEnded } from '../domain/require-live-session';
import { selectOrganisation } from '../domain/select-organisation';
import { organisationLoader, userLoader } from './loaders';
import { RoleEnum } from './membership';
import { OrganisationType } from './organisation';
import { UserType } from './user';

interface MeShape {
  userId: string;
  organisationId: string | null;
  roles: Role[];
}

/** The signed-in user and what this session acts as. */
export const MeType = builder.objectRef<MeShape>('Me').implement({
  fields: (t) => ({
    user: t.field({
      type: UserType,
      resolve: async (me, _args, ctx) => {
        const user = await userLoader(ctx).load(me.userId);
        if (!user) throw sessionEnded();
        return user;
      },
    }),
    memberships: t.prismaField({
      type: ['Membership'],
      description: 'The memberships this user can act in (organisations that are active).',
      resolve: (query, me, _args, ctx) =>
        ctx.db.membership.findMany({
          ...query,
          where: { userId: me.userId, organisation: { active: true } },
          orderBy: [{ organisation: { name: 'asc' } }, { role: 'asc' }],
        }),
    }),
    activeOrganisation: t.field({
      type: OrganisationType,
      nullable: true,
      description: 'The organisation this session acts for; null until one is chosen.',
      resolve: (me, _args, ctx) => (me.organisationId ? organisationLoader(ctx).load(me.organisationId) : null),
    }),
    roles: t.field({
      type: [RoleEnum],
      description: 'The roles held in the active organisation.',
      resolve: (me) => me.roles,
    }),
  }),
});

function meOf(ctx: IdentityContext): MeShape {
  const caller = ctx.caller!;
  return { userId: caller.subject, organisationId: caller.organisationId, roles: caller.roles };
}

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true, description: 'At least 15 characters, not a common or breached password (BAD_USER_INPUT with a reason otherwise).' }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({ type: MeType, resolve: (_root, _args, ctx) => meOf(ctx) }),
}));

builder.mutationFields((t) => ({
  logout: t.boolean({
    description: 'Ends this session at once.',
    resolve: async (_root, _args, ctx) => {
      await endSession(ctx.db, ctx.caller!, new Date(), ctx.requestId);
      return true;
    },
  }),
  selectOrganisation: t.field({
    type: MeType,
    description: 'Chooses the organisation this session acts for (one the user belongs to).',
    args: { organisationId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const chosen = await selectOrganisation(ctx.db, ctx.sessions, ctx.caller!, String(args.organisationId), new Date(), ctx.requestId);
      return { userId: ctx.caller!.subject, ...chosen };
    },
  }),
  changePassword: t.boolean({
    description: "Sets a new password and ends the user's other sessions.",
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      await changePassword(ctx.db, ctx.sessions, ctx.caller!, args.input, new Date(), ctx.requestId);
      return true;
    },
  }),
}));
