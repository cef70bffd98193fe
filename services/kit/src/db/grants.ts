import type { ServiceName } from './services';

/**
 * What each service's app role (haven_<service>) may do to each table of its own schema — and nothing more.
 * ensureAppRoles applies exactly this on every migrate run (revoking anything else), so the database, not only
 * the code, stops a service from changing what it must not: a consent record that can be rewritten or deleted
 * proves nothing.
 *
 * Fail closed: a table of a service's schema without an entry here gets no privileges at all (the service
 * sees "permission denied"), ensureAppRoles reports it (a warning in the migration log), and
 * grants.test.ts fails until the table has an entry. Grant what the service's code uses, found with
 *   grep -rnE "\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(|INSERT|UPDATE|DELETE" services/<svc>/src
 * and say why. Notes for reading the list:
 *  - INSERT … ON CONFLICT DO UPDATE (Prisma's upsert) needs INSERT and UPDATE; RETURNING and WHERE need SELECT.
 *  - SELECT … FOR SHARE/FOR UPDATE needs UPDATE as well (a trigger running as the app role counts).
 *  - Foreign-key checks and ON DELETE actions run as the table's owner: they need no grant here.
 *  - Test fixtures write through the app roles too; a test that needs more than the service does should
 *    write through the admin URL (testDatabase().adminUrl), not widen this list.
 */
export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface TableGrant {
  privileges: readonly TablePrivilege[];
  /** Why exactly these: what in the service's code needs each one, and why the others are left out. */
  why: string;
}

export const TABLE_GRANTS: Readonly<Record<ServiceName, Readonly<Record<string, TableGrant>>>> = {
  identity: {
    Organisation: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why:
        'Seeded (createMany); deactivated, never deleted (active = false). UPDATE also because the membership ' +
        "role-fit trigger locks the organisation row FOR SHARE, which PostgreSQL allows only with UPDATE.",
    },
    User: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Seeded (createMany); changePassword, deactivateUser and the TOTP operations update it. Deactivated, never deleted.',
    },
    Membership: {
      privileges: ['SELECT', 'INSERT', 'DELETE'],
      why:
        'Seeded (createMany), read at login and by selectOrganisation; createUser/setMemberRoles insert rows. ' +
        'setMemberRoles and removeMember delete rows (one row per role: a role taken away is a row gone; the audit ' +
        'trail keeps the record). No UPDATE: a role is never rewritten in place.',
    },
    Session: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Created at login; ended, switched and revoked by updateMany (revokedAt, activeOrganisationId). Never deleted.',
    },
    LoginThrottle: {
      privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
      why:
        'reservePasswordAttempt: INSERT … ON CONFLICT DO UPDATE … RETURNING; clearPasswordFailures deletes the ' +
        'row after a successful check (a table of counters, not a record of anything).',
    },
    ApiToken: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why:
        'createApiToken inserts; revokeApiToken sets revokedAt/revokedByUserId and resolve-token sets lastUsedAt ' +
        '(updateMany). Revoked, never deleted: the record of who could act for an organisation stays.',
    },
    RecoveryCode: {
      privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
      why:
        'Made at TOTP enrolment (createMany), spent by updateMany (usedAt). Deleted when two-factor sign-in is ' +
        'turned off or enrolled anew: a code of a retired secret must open nothing (the audit trail keeps the events).',
    },
    LoginChallenge: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Created when a password was right and a second factor is owed; spent once by updateMany (usedAt). Never deleted.',
    },
    AccountToken: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why:
        'inviteUser and requestPasswordReset insert one; acceptInvitation/resetPassword spend it by updateMany (usedAt), ' +
        'and a reset spends the user\'s other open links too. Never deleted: audit events name it.',
    },
    MailOutbox: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why:
        'Written with the event that causes a mail; the outbox worker claims (UPDATE … WHERE id IN (SELECT … FOR UPDATE ' +
        'SKIP LOCKED) RETURNING), marks sent or releases rows. No DELETE: a sent row is the record that it went out.',
    },
  },
  partners: {
    OrganisationProfile: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Seeded (createMany); updateOrganisationProfile upserts/updates it. Never deleted.',
    },
    Service: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Seeded (createMany); createService inserts and updateService updates it. Never deleted.',
    },
    Capacity: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why:
        'updateCapacity inserts the row on the first statement (ON CONFLICT DO NOTHING), locks it FOR NO KEY UPDATE and ' +
        'updates it; hold-slot/release-slot change heldSlots with conditional UPDATE … RETURNING. Never deleted.',
    },
    CapacityHold: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why:
        'hold-slot: INSERT … ON CONFLICT DO NOTHING RETURNING and a SELECT for retries; release-slot sets releasedAt ' +
        '(UPDATE … RETURNING). A released hold stays as the record; never deleted.',
    },
    CapacityChange: {
      privileges: ['INSERT'],
      why: 'Capacity history, append-only: each update, hold and release inserts one row (no RETURNING). The service never reads it back yet.',
    },
    ReferralResponse: {
      privileges: ['SELECT', 'INSERT'],
      why:
        'record-response inserts one row per referral (ON CONFLICT DO NOTHING, then a SELECT for retries); matching ' +
        'aggregates them. Append-only: an answer, once recorded, is history.',
    },
  },
  cases: {
    Case: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'createCase inserts; hand-over and closing update it (and lock it FOR UPDATE to serialise sends). Never deleted.',
    },
    VaultField: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Sealed personal data: written by upsert, read when a caller may. Not deleted by the service (erasure is an operations task).',
    },
    Referral: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Sent (insert); every transition is a conditional UPDATE; the expiry job locks with FOR UPDATE SKIP LOCKED. Never deleted.',
    },
    TimelineEvent: {
      privileges: ['SELECT', 'INSERT'],
      why: 'Append-only history: every transition inserts one event; nothing changes or removes one.',
    },
    Message: {
      privileges: ['SELECT', 'INSERT'],
      why: 'Messages are kept as written: inserted, read, never edited or deleted.',
    },
    MessageRead: {
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      why: 'Read markers: upserted when a side opens the thread.',
    },
    EmergencyGrant: {
      privileges: ['SELECT', 'INSERT'],
      why: 'Break-glass grants are evidence: inserted with a reason and an expiry, read by the gate; never changed or deleted.',
    },
    IdempotencyRecord: {
      privileges: ['SELECT', 'INSERT', 'DELETE'],
      why: 'Inserted with the write it guards, read on a replay; records older than a day are deleted by the clean-up job.',
    },
  },
  consent: {
    ConsentRecord: {
      privileges: ['SELECT', 'INSERT'],
      why: 'Append-only: a consent record is evidence. Withdrawal is a new record, never an UPDATE or DELETE.',
    },
  },
};

/** The entry for `service`.`table`, or undefined (= no privileges: fail closed). */
export function tableGrant(service: string, table: string): TableGrant | undefined {
  const tables = (TABLE_GRANTS as Record<string, Record<string, TableGrant>>)[service];
  return tables && Object.prototype.hasOwnProperty.call(tables, table) ? tables[table] : undefined;
}
