import { builder } from '../builder';
import { confirmTotpEnrolment, disableTotp, holdsSecondFactorRole, startTotpEnrolment, type TotpEnrolment } from '../domain/totp-enrolment';
import { MeType } from './me';

interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
  required: boolean;
  thisSession: boolean;
}

const TwoFactorStatusType = builder.objectRef<TwoFactorStatus>('TwoFactorStatus').implement({
  description: "The signed-in user's two-factor sign-in (TOTP).",
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    recoveryCodesLeft: t.exposeInt('recoveryCodesLeft', { description: 'Unused recovery codes; 0 when two-factor sign-in is off.' }),
    required: t.exposeBoolean('required', {
      description: 'The user holds a role (NETWORK_ADMIN, AUDITOR) that acts only in a session opened with a second factor; it cannot be turned off.',
    }),
    thisSession: t.exposeBoolean('thisSession', {
      description: 'This session was opened with a second factor (or confirmed one); without it those roles are withheld.',
    }),
  }),
});

const TotpEnrolmentType = builder.objectRef<TotpEnrolment>('TotpEnrolment').implement({
  description: 'A secret for an authenticator app, shown once; in force after confirmTotpEnrolment.',
  fields: (t) => ({
    otpauthUri: t.exposeString('otpauthUri', { description: 'otpauth://totp/… for a QR code.' }),
    secret: t.exposeString('secret', { description: 'The same secret in base32, to type in by hand.' }),
  }),
});

const RecoveryCodesType = builder.objectRef<{ recoveryCodes: string[] }>('RecoveryCodes').implement({
  description: 'Ten single-use codes for when the authenticator is lost; shown once.',
  fields: (t) => ({ codes: t.exposeStringList('recoveryCodes') }),
});

builder.objectField(MeType, 'twoFactor', (t) =>
  t.field({
    type: TwoFactorStatusType,
    resolve: async (me, _args, ctx) => {
      const [user, session, required] = await Promise.all([
        ctx.db.user.findUnique({ where: { id: me.userId }, select: { totpEnabledAt: true } }),
        ctx.db.session.findUnique({ where: { id: ctx.caller!.sessionId }, select: { userId: true, secondFactorAt: true } }),
        holdsSecondFactorRole(ctx.db, me.userId),
      ]);
      const enabled = Boolean(user?.totpEnabledAt);
      const recoveryCodesLeft = enabled ? await ctx.db.recoveryCode.count({ where: { userId: me.userId, usedAt: null } }) : 0;
      const thisSession = session?.userId === me.userId && session.secondFactorAt !== null;
      return { enabled, recoveryCodesLeft, required, thisSession };
    },
  }),
);

builder.mutationFields((t) => ({
  startTotpEnrolment: t.field({
    type: TotpEnrolmentType,
    description: 'Begins turning on two-factor sign-in: a new secret for an authenticator app.',
    resolve: (_root, _args, ctx) => startTotpEnrolment(ctx.db, ctx.totpBox, ctx.sessions, ctx.caller!, new Date()),
  }),
  confirmTotpEnrolment: t.field({
    type: RecoveryCodesType,
    description: "Turns two-factor sign-in on with a first code from the app; answers the recovery codes, once.",
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => confirmTotpEnrolment(ctx.db, ctx.totpBox, ctx.sessions, ctx.caller!, args.code, new Date(), ctx.requestId),
  }),
  disableTotp: t.boolean({
    description: 'Turns two-factor sign-in off; needs a current code or a recovery code.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await disableTotp(ctx.db, ctx.totpBox, ctx.sessions, ctx.caller!, args.code, new Date(), ctx.requestId);
      return true;
    },
  }),
}));
