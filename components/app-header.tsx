import Link from "next/link";
import { signOutAction } from "@/app/actions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { INBOX_WORDS, unreadBadgeLabel } from "@/lib/narrative/notification-words";
import { AppNav, type NavLink } from "./app-nav";
import { RoleBadge } from "./role-badge";
import { ThemeToggle } from "./theme/theme-toggle";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** The app bar: home, workspace, who is signed in (with the colour switch and sign-out), then the main navigation. */
export function AppHeader({ user, dark, unread = 0 }: { user: CurrentUser; dark: boolean; unread?: number }) {
  const all: (NavLink & { show: boolean })[] = [
    { href: "/", label: "Models", show: true },
    { href: "/inbox", label: INBOX_WORDS.title, show: true, badge: { count: unread, label: unreadBadgeLabel(unread) } },
    { href: "/audit", label: "Audit log", show: can(user.role, "audit.read") },
    { href: "/settings/members", label: "Members", show: can(user.role, "members.manage") },
    { href: "/settings/tokens", label: "API tokens", show: can(user.role, "tokens.manage") },
    { href: "/settings/account", label: "Account", show: true },
    { href: "/help", label: "Help", show: true },
  ];
  const links: NavLink[] = all.filter((l) => l.show).map(({ href, label, badge }) => (badge ? { href, label, badge } : { href, label }));
  return (
    <header data-shell className="border-b border-[var(--shell-border)] bg-[var(--shell-bg)] text-[var(--shell-fg)]">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
          <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight">
            <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-[#34d399] ring-2 ring-[#34d399]/30" />
            Sightline
          </Link>
          <span className="min-w-0 max-w-full truncate text-sm text-[var(--shell-muted)]" data-testid="workspace-name">
            {user.workspaceName}
          </span>
          {user.workspaces && user.workspaces.length > 1 ? <WorkspaceSwitcher current={user.workspaceId} workspaces={user.workspaces} /> : null}
          <div className="ml-auto flex min-w-0 max-w-full flex-wrap items-center justify-end gap-2 text-sm">
            <span className="min-w-0 max-w-[12rem] truncate text-[var(--shell-fg)]" data-testid="user-name" title={user.name}>
              {user.name}
            </span>
            <RoleBadge role={user.role} />
            <ThemeToggle initial={dark} />
            <form action={signOutAction}>
              <button
                type="submit"
                className="inline-flex h-8 items-center rounded-md border border-[var(--shell-border)] px-2.5 text-[var(--shell-fg)] hover:bg-[var(--shell-hover)]"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="pb-2">
          <AppNav links={links} />
        </div>
      </div>
    </header>
  );
}
