import { AppError } from '@haven/kit/src/errors';
import { builder } from '../builder';
import { login, type LoginResult } from '../domain/login';
import { organisationLoader, userLoader } from './loaders';
import { OrganisationType } from './organisation';
import { UserType } from './user';

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

/** The answer to a successful login. `sessionToken` is shown here once and never again. */
export const LoginPayloadType = builder.objectRef<LoginResult>('LoginPayload').implement({
  fields: (t) => ({
    sessionToken: t.exposeString('sessionToken'),
    user: t.field({
      type: UserType,
      resolve: async (result, _args, ctx) => {
        const user = await userLoader(ctx).load(result.userId);
        if (!user) throw new AppError('NOT_FOUND', 'No such user');
        return user;
      },
    }),
    activeOrganisation: t.field({
      type: OrganisationType,
      nullable: true,
      description: 'Null when the user belongs to several organisations and must choose (selectOrganisation).',
      resolve: (result, _args, ctx) =>
        result.activeOrganisationId ? organisationLoader(ctx).load(result.activeOrganisationId) : null,
    }),
    memberships: t.prismaField({
      type: ['Membership'],
      resolve: (query, result, _args, ctx) =>
        ctx.db.membership.findMany({
          ...query,
          where: { userId: result.userId, organisation: { active: true } },
          orderBy: [{ organisation: { name: 'asc' } }, { role: 'asc' }],
        }),
    }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayloadType,
    description: 'Signs in with email and password; the answer carries the session token once.',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const result = await login(ctx.db, ctx.sessions, args.input, new Date(), ctx.requestId);
      // From here on this request may show the user their own data (see IdentityContext.loggedIn).
      ctx.loggedIn = { userId: result.userId };
      return result;
    },
  }),
}));
