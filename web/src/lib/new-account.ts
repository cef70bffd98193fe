import 'server-only';
import { callGateway } from './gateway';
import type { VariablesOf } from './graphql';
import { createUserOperation, inviteUserOperation } from './operations/identity';

type NewAccountInput = VariablesOf<typeof createUserOperation>['input'];

/**
 * A new account made the way the form's pressed button says — the admin pages' new-account forms have two:
 * invited (`method=invite`: the person gets an e-mailed link and chooses their own password) or with a one-time
 * password that comes back in this answer only (`createUser` in the data), for handing over in person.
 */
export function createOrInviteAccount(formData: FormData, input: NewAccountInput) {
  return formData.get('method') === 'invite'
    ? callGateway(inviteUserOperation, { variables: { input } })
    : callGateway(createUserOperation, { variables: { input } });
}
