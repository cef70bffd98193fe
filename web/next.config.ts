import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Headers that hold for every response, static assets included. The Content-Security-Policy is
// per request (it carries a nonce), so src/proxy.ts sets it.
const staticSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // same-origin, not no-referrer: under no-referrer Chromium sends `Origin: null` on a plain form post, and
  // Next refuses such a server action — forms would stop working without JavaScript. Nothing leaves the origin.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets several `next dev` run side by side in one checkout (each with its own build directory).
  distDir: process.env.HAVEN_NEXT_DIST_DIR || '.next',
  // `next dev` hydrates only once its HMR socket connects, and it refuses that socket from an origin other
  // than localhost: the browser tests reach a dev portal at 127.0.0.1 (the stack binds IPv4 loopback only).
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
  // The repository is an npm workspace: dependencies are hoisted to the root node_modules.
  turbopack: { root: path.join(__dirname, '..') },
  outputFileTracingRoot: path.join(__dirname, '..'),
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders }];
  },
};

// next-intl reads its per-request configuration (language from the cookie, Dutch time) from here.
const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

export default withNextIntl(nextConfig);
