import { AppError } from '@haven/kit/src/errors';
import { builder } from '../builder';
import { deactivateUser } from '../domain/deactivate-user';
import { userLoader } from './loaders';

/**
 * A person who signs in. Field rules (permissions.ts) decide per object: the user themself and
 * network admins see the fields; anyone else who reaches a User (through a Membership or
 * `_entities`) sees its id only. The withheld fields are nullable on purpose: a refused field is
 * null with a FORBIDDEN error, instead of nulling the case or list that points at the user.
 */
export const UserType = builder.prismaObject('User', {
  fields: (t) => ({
    id: t.exposeID('id'),
    displayName: t.exposeString('displayName', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    active: t.exposeBoolean('active', { nullable: true }),
    memberships: t.relation('memberships', {
      nullable: true,
      description: 'Every membership, also in deactivated organisations.',
      query: { orderBy: [{ organisation: { name: 'asc' } }, { role: 'asc' }] },
    }),
  }),
});

builder.asEntity(UserType, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => userLoader(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  users: t.prismaField({
    type: ['User'],
    description: 'Every user account, by name (network admins).',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.user.findMany({ ...query, orderBy: [{ displayName: 'asc' }, { id: 'asc' }] }),
  }),
}));

builder.mutationFields((t) => ({
  deactivateUser: t.prismaField({
    type: 'User',
    description: 'Deactivates an account and ends all its sessions at once (network admins).',
    args: { userId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const userId = String(args.userId);
      await deactivateUser(ctx.db, ctx.caller!, userId, new Date(), ctx.requestId);
      const user = await ctx.db.user.findUnique({ ...query, where: { id: userId } });
      if (!user) throw new AppError('NOT_FOUND', 'No such user');
      return user;
    },
  }),
}));
