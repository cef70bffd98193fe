import { builder } from '../builder';
import { createUser } from '../domain/create-user';
import type { User } from '../generated/prisma/client';
import { RoleEnum } from './membership';
import { UserType } from './user';

const CreateUserPayload = builder.objectRef<{ user: User; initialPassword: string }>('CreateUserPayload').implement({
  fields: (t) => ({
    user: t.field({ type: UserType, resolve: (payload) => payload.user }),
    initialPassword: t.exposeString('initialPassword', {
      description:
        'A random one-time password, shown this once (only its hash is kept): hand it to the person, who changes it ' +
        'after signing in. Temporary: issue 8 replaces it with an e-mailed invitation.',
    }),
  }),
});

export const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'Stored trimmed and lower-cased; must not have an account yet.' }),
    displayName: t.string({ required: true, description: 'Trimmed; 1 to 200 characters.' }),
    organisationId: t.id({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true, description: "At least one; each must fit the organisation's kind." }),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.field({
    type: CreateUserPayload,
    description:
      'A new account with its roles in one organisation, and a one-time password (network admins for any organisation, ' +
      'partner admins for their own, partner roles only). An address that has an account already is CONFLICT (field ' +
      'email): adding an existing account to another organisation is not supported yet. A role that does not fit the ' +
      "organisation's kind is BAD_USER_INPUT (field roles).",
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createUser(
        ctx.db,
        ctx.caller,
        { email: input.email, displayName: input.displayName, organisationId: String(input.organisationId), roles: input.roles },
        ctx.requestId,
      ),
  }),
}));
