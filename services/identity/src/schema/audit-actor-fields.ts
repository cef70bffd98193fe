import { builder } from '../builder';
import type { AuditEventRecord } from '../domain/read-audit-events';
import { organisationLoader, userLoader } from './loaders';
import { OrganisationType } from './organisation';
import { UserType } from './user';

type EventFieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<typeof builder.$inferSchemaTypes, AuditEventRecord>;

/**
 * Who acted, as both views of the audit log show it (AuditEvent for auditors, CaseAccessEntry for the person's
 * right to know): the user (people only — for a token the id is the token's, no user), the organisation, the
 * role, and the organisation acted on behalf of (for an emergency grant: the one it was opened for).
 */
export function auditActorFields(t: EventFieldBuilder, onBehalfOfDescription?: string) {
  return {
    actorUser: t.field({
      type: UserType,
      nullable: true,
      resolve: (e, _args, ctx) => (e.actorKind === 'user' && e.actorUserId ? userLoader(ctx).load(e.actorUserId) : null),
    }),
    actorOrganisation: t.field({
      type: OrganisationType,
      nullable: true,
      resolve: (e, _args, ctx) => (e.actorOrganisationId ? organisationLoader(ctx).load(e.actorOrganisationId) : null),
    }),
    actorRole: t.exposeString('actorRole', { nullable: true }),
    onBehalfOfOrganisation: t.field({
      type: OrganisationType,
      nullable: true,
      ...(onBehalfOfDescription ? { description: onBehalfOfDescription } : {}),
      resolve: (e, _args, ctx) => (e.onBehalfOfOrganisationId ? organisationLoader(ctx).load(e.onBehalfOfOrganisationId) : null),
    }),
  };
}
