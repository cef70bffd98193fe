import { getTranslations } from 'next-intl/server';

/**
 * Shown above a page a part of Haven could not fully answer (issue 7): the rest of the page stands, the missing
 * parts say so where they would be, and the reference lets the service desk find the failure in the logs.
 */
export async function IncompleteNotice({ incomplete }: { incomplete: { reference: string } | undefined }) {
  if (!incomplete) return null;
  const t = await getTranslations('Common');
  return (
    <p className="notice notice-warning" role="status">
      {t('incompleteNotice', { reference: incomplete.reference })}
    </p>
  );
}
