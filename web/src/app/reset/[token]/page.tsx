import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { SignInCard } from '@/components/sign-in-card';
import { SetPasswordForm } from '../set-password-form';

export const generateMetadata = titled('PasswordReset');

/** The password reset mail's link: whether it is still good is identity's answer when the form is sent. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const t = await getTranslations('PasswordReset');
  const { token } = await params;
  return (
    <SignInCard title={t('setTitle')} intro={t('setIntro')}>
      <SetPasswordForm token={token} purpose="reset" />
    </SignInCard>
  );
}
