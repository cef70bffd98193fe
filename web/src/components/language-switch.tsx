import { getLocale, getTranslations } from 'next-intl/server';
import { switchLanguage } from '@/i18n/switch-language';
import type { Locale } from '@/i18n/locales';

/**
 * One button that switches to the other language, labelled in that language (a reader who does not know
 * the current one still finds it). A form post: works without JavaScript.
 */
export async function LanguageSwitch({ className }: { className?: string }) {
  const current = await getLocale();
  const other: Locale = current === 'nl' ? 'en' : 'nl';
  const t = await getTranslations('Common');
  return (
    <form action={switchLanguage} className={className}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="button button-quiet button-small" lang={other} data-testid="language-switch">
        {t('languageSwitch')}
      </button>
    </form>
  );
}
