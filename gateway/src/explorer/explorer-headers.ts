/**
 * Scripts, workers and requests from this origin only, never framed. Styles allow inline: Monaco (the
 * editor) injects <style> elements at run time and GraphiQL's components set style attributes; no script
 * can be injected that way. Fonts and icons come as data: URLs inside GraphiQL's stylesheet.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = {
  'content-security-policy': EXPLORER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The page is tiny and names the current bundle version: always fetched afresh. */
export const EXPLORER_PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_HEADERS,
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  ttf: 'font/ttf',
};

/** Asset URLs carry the bundle version, so a cached asset is never stale. Undefined: not a type we serve. */
export function explorerAssetHeaders(name: string): Record<string, string> | undefined {
  const contentType = CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)];
  if (!contentType) return undefined;
  return { ...COMMON_HEADERS, 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' };
}
