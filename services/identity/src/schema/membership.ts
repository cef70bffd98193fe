import { ROLES } from '@haven/kit/src/taxonomy';
import { builder } from '../builder';

export const RoleEnum = builder.enumType('Role', { values: ROLES });

/** One role of one user in one organisation. Readable by that user and by network admins. */
export const MembershipType = builder.prismaObject('Membership', {
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: RoleEnum }),
    organisation: t.relation('organisation'),
    user: t.relation('user'),
  }),
});
