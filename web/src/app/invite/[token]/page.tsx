import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { SignInCard } from '@/components/sign-in-card';
import { SetPasswordForm } from '../../reset/set-password-form';

export const generateMetadata = titled('Invitation');

/** The invitation mail's link: the invited person chooses their own password, then signs in. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const t = await getTranslations('Invitation');
  const { token } = await params;
  return (
    <SignInCard title={t('title')} intro={t('intro')}>
      <SetPasswordForm token={token} purpose="invitation" />
    </SignInCard>
  );
}
