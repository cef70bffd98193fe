import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import type { OrganisationMemberRow } from '@/lib/operations/identity';
import type { OrganisationKind } from '@/lib/vocabulary';
import { ROLES_BY_ORGANISATION_KIND } from '@haven/kit/src/taxonomy';
import type { MembersPlace } from './member-actions';
import { CreateMemberForm, MemberRolesForm, RemoveMemberForm } from './member-forms';
import styles from './staff.module.css';

/**
 * One organisation's people (roles, status) with the ways to change them, and the new-account form. Shared by
 * the partner admin's staff page and the network admin's organisation page; `path` is that page, so the
 * removal's confirmation step is a plain link (`?remove=<user id>`), working without JavaScript.
 */
export async function MembersSection({
  place,
  path,
  organisation,
  members,
  confirmRemove,
  removed,
  currentUserId,
}: {
  place: MembersPlace;
  path: string;
  organisation: { id: string; kind: OrganisationKind };
  members: readonly OrganisationMemberRow[];
  confirmRemove?: string;
  removed: boolean;
  currentUserId?: string;
}) {
  const t = await getTranslations('OrganisationStaff');
  const vocabulary = await getVocabulary();
  const roles = ROLES_BY_ORGANISATION_KIND[organisation.kind].map((value) => ({ value, label: vocabulary.role(value) }));
  const sorted = [...members].sort((a, b) => (a.user.displayName ?? '').localeCompare(b.user.displayName ?? '', 'nl'));
  const nameOf = (member: OrganisationMemberRow) => member.user.displayName ?? member.user.email ?? member.user.id;

  return (
    <>
      {removed ? (
        <p className="notice notice-success" role="status">
          {t('removed')}
        </p>
      ) : null}

      <section className="section" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('members', { count: sorted.length })}</h2>
        {sorted.length === 0 ? <p className="muted">{t('noMembers')}</p> : null}
        <ul className={styles.members}>
          {sorted.map((member) => {
            const name = nameOf(member);
            const isSelf = member.user.id === currentUserId;
            return (
              <li key={member.user.id} className="card">
                <div className={styles.memberHeading}>
                  <h3>{name}</h3>
                  {member.user.active ? (
                    <span className="badge badge-positive">{t('active')}</span>
                  ) : (
                    <span className="badge badge-warning">{t('deactivated')}</span>
                  )}
                  {isSelf ? <span className="badge badge-info">{t('you')}</span> : null}
                </div>
                <p className="break muted">{member.user.email}</p>
                <p>
                  {t('currentRoles')}: {member.roles.map((role) => vocabulary.role(role)).join(', ')}
                </p>
                <MemberRolesForm place={place} organisationId={organisation.id} userId={member.user.id} name={name} current={[...member.roles]} roles={roles} />
                {confirmRemove === member.user.id ? (
                  <RemoveMemberForm place={place} organisationId={organisation.id} userId={member.user.id} name={name} cancelHref={path} />
                ) : (
                  <p>
                    <Link className="button button-quiet button-small" href={`${path}?remove=${encodeURIComponent(member.user.id)}#member-remove`}>
                      {t('remove', { name })}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="section card" aria-labelledby="new-member-heading">
        <h2 id="new-member-heading">{t('newMember')}</h2>
        <p className="muted">{t('newMemberIntro')}</p>
        <CreateMemberForm place={place} organisationId={organisation.id} roles={roles} />
      </section>
    </>
  );
}
