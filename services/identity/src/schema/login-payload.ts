import { AppError } from '@haven/kit/src/errors';
import { builder } from '../builder';
import { completeLogin } from '../domain/complete-login';
import { isSecondFactorOwed, login, type LoginResult } from '../domain/login';
import type { IdentityContext } from '../context';
import { organisationLoader, userLoader } from './loaders';
import { OrganisationType } from './organisation';
import { UserType } from './user';

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const CompleteLoginInput = builder.inputType('CompleteLoginInput', {
  fields: (t) => ({
    challenge: t.string({ required: true, description: "login's secondFactorChallenge." }),
    code: t.string({ required: true, description: 'The six digits of the authenticator app, or one of the recovery codes.' }),
  }),
});

/** A session's fields are null while a second factor is owed: nothing of the account shows before it is given. */
const session = (result: LoginResult) => (isSecondFactorOwed(result) ? null : result);

/**
 * The answer to a login step. Either `sessionToken` (shown here once and never again) with the user and their
 * memberships, or — for an account with two-factor sign-in — only `secondFactorChallenge`, for completeLogin.
 */
export const LoginPayloadType = builder.objectRef<LoginResult>('LoginPayload').implement({
  fields: (t) => ({
    sessionToken: t.string({ nullable: true, description: 'Null while a second factor is owed.', resolve: (r) => session(r)?.sessionToken ?? null }),
    secondFactorChallenge: t.string({
      nullable: true,
      description: 'Set when the password was right and a TOTP or recovery code is owed (completeLogin); valid for five minutes, once.',
      resolve: (r) => (isSecondFactorOwed(r) ? r.secondFactorChallenge : null),
    }),
    user: t.field({
      type: UserType,
      nullable: true,
      description: 'Null while a second factor is owed.',
      resolve: async (result, _args, ctx) => {
        if (!session(result)) return null;
        const user = await userLoader(ctx).load(result.userId);
        if (!user) throw new AppError('NOT_FOUND', 'No such user');
        return user;
      },
    }),
    activeOrganisation: t.field({
      type: OrganisationType,
      nullable: true,
      description: 'Null when the user belongs to several organisations and must choose (selectOrganisation), or while a second factor is owed.',
      resolve: (result, _args, ctx) => {
        const opened = session(result);
        return opened?.activeOrganisationId ? organisationLoader(ctx).load(opened.activeOrganisationId) : null;
      },
    }),
    memberships: t.prismaField({
      type: ['Membership'],
      nullable: true,
      description: 'Null while a second factor is owed.',
      resolve: (query, result, _args, ctx) =>
        session(result)
          ? ctx.db.membership.findMany({
              ...query,
              where: { userId: result.userId, organisation: { active: true } },
              orderBy: [{ organisation: { name: 'asc' } }, { role: 'asc' }],
            })
          : null,
    }),
  }),
});

/** From here on this request may show the user their own data (IdentityContext.loggedIn) — only once a session exists. */
function signedIn(ctx: IdentityContext, result: LoginResult): LoginResult {
  if (!isSecondFactorOwed(result)) ctx.loggedIn = { userId: result.userId };
  return result;
}

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayloadType,
    description: 'Signs in with email and password; the answer carries the session token once, or a second-factor challenge.',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, args, ctx) => signedIn(ctx, await login(ctx.db, ctx.sessions, args.input, new Date(), ctx.requestId)),
  }),
  completeLogin: t.field({
    type: LoginPayloadType,
    description: "The second step of a sign-in with two-factor authentication: login's challenge and a code give the session.",
    args: { input: t.arg({ type: CompleteLoginInput, required: true }) },
    resolve: async (_root, args, ctx) =>
      signedIn(ctx, await completeLogin(ctx.db, ctx.totpBox, ctx.sessions, args.input, new Date(), ctx.requestId)),
  }),
}));
