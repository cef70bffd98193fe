import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { portalConfig } from '@/lib/config';
import { enterArea } from '@/lib/enter-area';
import { AdminNav } from '../admin-nav';
import { readMailFolder } from './read-mail-folder';

export const generateMetadata = titled('AdminMail');

/**
 * The demo's outgoing mail (identity's folder transport), for network admins: there is no mail server in the
 * demo, so invitations and reset links are read here. Exists only when the portal has HAVEN_MAIL_DIR.
 */
export default async function AdminMailPage() {
  const entered = await enterArea('admin');
  if (!entered.ok) return entered.render;
  const { mailDir } = portalConfig();
  if (!mailDir) notFound();
  const t = await getTranslations('AdminMail');
  const messages = await readMailFolder(mailDir);
  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
      </div>
      <AdminNav current="mail" />
      <p className="muted">{t('intro')}</p>
      <section aria-labelledby="mail-heading" className="section">
        <h2 id="mail-heading">{t('messages', { count: messages.length })}</h2>
        {messages.length === 0 ? <p>{t('empty')}</p> : null}
        {messages.map((mail) => (
          <article key={mail.id} className="card section" aria-label={mail.subject} data-testid="demo-mail">
            <dl>
              <dt>{t('to')}</dt>
              <dd className="break">{mail.to}</dd>
              <dt>{t('subject')}</dt>
              <dd>{mail.subject}</dd>
              <dt>{t('date')}</dt>
              <dd>{mail.date}</dd>
            </dl>
            <h3 className="visually-hidden">{t('body')}</h3>
            <pre className="break">{mail.text}</pre>
          </article>
        ))}
      </section>
    </>
  );
}
