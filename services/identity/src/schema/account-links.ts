import { builder } from '../builder';
import { inviteUser } from '../domain/invite-user';
import { requestPasswordReset } from '../domain/request-password-reset';
import { setPasswordByLink } from '../domain/set-password-by-link';
import { CreateUserInput } from './create-user-payload';
import { UserType } from './user';

// The e-mailed account links: invitations (admins) and password resets (anyone), each set a password once.

const SetPasswordByLinkInput = builder.inputType('SetPasswordByLinkInput', {
  fields: (t) => ({
    token: t.string({ required: true, description: 'The secret from the e-mailed link (the last path segment).' }),
    password: t.string({ required: true, description: 'The new password: at least 15 characters, not a common one (BAD_USER_INPUT, field password).' }),
  }),
});

const RequestPasswordResetInput = builder.inputType('RequestPasswordResetInput', {
  fields: (t) => ({ email: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  inviteUser: t.field({
    type: UserType,
    description:
      'Like createUser (same admins, same rules, CONFLICT for a known address), but the person receives an e-mailed ' +
      'link, valid 72 hours and once, to choose their own password (acceptInvitation). Nobody else ever knows it.',
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      inviteUser(
        ctx.db,
        ctx.caller,
        { email: input.email, displayName: input.displayName, organisationId: String(input.organisationId), roles: input.roles },
        ctx.accountMail,
        ctx.requestId,
      ),
  }),
  acceptInvitation: t.boolean({
    description:
      'Sets the invited account\'s password with the link from the invitation mail; then sign in as usual. An unknown, ' +
      'used or expired link is NOT_FOUND (field token).',
    args: { input: t.arg({ type: SetPasswordByLinkInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await setPasswordByLink(ctx.db, 'INVITATION', input, ctx.requestId);
      return true;
    },
  }),
  requestPasswordReset: t.boolean({
    description:
      'Mails a link (valid one hour, once) to set a new password, if an active account has this address. Always ' +
      'answers true: the answer never tells whether an account exists.',
    args: { input: t.arg({ type: RequestPasswordResetInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await requestPasswordReset(ctx.db, input, ctx.accountMail, ctx.requestId);
      return true;
    },
  }),
  resetPassword: t.boolean({
    description:
      "Sets a new password with the link from the reset mail and ends all of the account's sessions. An unknown, used " +
      'or expired link is NOT_FOUND (field token).',
    args: { input: t.arg({ type: SetPasswordByLinkInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await setPasswordByLink(ctx.db, 'PASSWORD_RESET', input, ctx.requestId);
      return true;
    },
  }),
}));
