'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Marks the current area for assistive technology (and styles it from the same attribute). */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
