"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavLink {
  href: string;
  label: string;
  /** a count shown beside the label (the inbox's unread notes), with what a screen reader hears after it */
  badge?: { count: number; label: string };
}

/** "page" on the link of this very page; "true" on the section's link (the models list while a model is open). */
function currentOf(href: string, pathname: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href === "/") return pathname.startsWith("/models/") ? "true" : undefined;
  return pathname.startsWith(`${href}/`) ? "true" : undefined;
}

/** The main navigation; the current page is marked for screen readers (aria-current) and by sight. */
export function AppNav({ links }: { links: readonly NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="min-w-0">
      <ul className="-mx-2 flex flex-wrap gap-1 text-sm">
        {links.map((link) => {
          const current = currentOf(link.href, pathname);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current}
                className={`block whitespace-nowrap rounded-md px-2 py-1.5 ${
                  current
                    ? "bg-[var(--shell-current)] font-semibold text-[var(--shell-fg)] underline decoration-2 underline-offset-4"
                    : "text-[var(--shell-muted)] hover:bg-[var(--shell-hover)] hover:text-[var(--shell-fg)]"
                }`}
              >
                {link.label}
                {link.badge && link.badge.count > 0 ? (
                  <span className="ml-1.5 inline-block min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold leading-5 text-white no-underline">
                    <span aria-hidden data-testid="unread-count">{link.badge.count > 99 ? "99+" : link.badge.count}</span>
                    <span className="sr-only">{` (${link.badge.label})`}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
