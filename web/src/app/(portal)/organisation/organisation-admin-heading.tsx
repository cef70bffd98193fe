import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionOrganisation } from '@/lib/session';

/**
 * The heading of a partner admin's own page: the organisation (a way back to its overview) above the page's
 * title, then whatever the page says under it.
 */
export function OrganisationAdminHeading({ organisation, title, children }: { organisation: SessionOrganisation; title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-heading">
      <p className="eyebrow">
        <Link href="/organisation">{organisation.name}</Link>
      </p>
      <h1>{title}</h1>
      {children}
    </div>
  );
}
