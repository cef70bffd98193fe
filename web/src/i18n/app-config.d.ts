import type { Messages } from './messages';
import type { formats, Locale } from './locales';

// Types every `t('…')` key and named format against the Dutch catalogue. next-intl documents augmenting
// 'next-intl', but its types re-export use-intl's AppConfig through two `export *` hops, which TypeScript
// does not merge into; augmenting the interface where it is declared works.
declare module 'use-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
