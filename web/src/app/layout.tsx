import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { clientMessages } from '@/i18n/client-namespaces';
import './globals.css';

// Served from this origin: no font CDN, so the build and the browser make no external requests.
const inter = localFont({
  src: [
    { path: '../../../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../../../node_modules/@fontsource/inter/files/inter-latin-600-normal.woff2', weight: '600', style: 'normal' },
    { path: '../../../node_modules/@fontsource/inter/files/inter-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  display: 'swap',
  variable: '--font-inter',
  fallback: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Arial', 'sans-serif'],
});

export const metadata: Metadata = {
  title: { default: 'Haven', template: '%s · Haven' },
  description: 'Verwijsnetwerk voor slachtoffers van mensenhandel',
  // Nothing here is for search engines or link previews.
  robots: { index: false, follow: false },
  // Within the portal only (see next.config.ts): never sent to another site.
  referrer: 'same-origin',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f4e5f' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: each carries a fresh CSP nonce and user-specific data.
  await connection();
  const t = await getTranslations('Common');
  return (
    <html lang={await getLocale()} className={inter.variable}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {/* Client components (forms, countdowns) get the reader's language, Dutch time and only their own messages. */}
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
