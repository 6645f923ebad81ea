import Link from "next/link";
import { signOutAction } from "@/app/actions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { RoleBadge } from "./role-badge";

export function AppHeader({ user }: { user: CurrentUser }) {
  const links = [
    { href: "/", label: "Models", show: true },
    { href: "/audit", label: "Audit log", show: can(user.role, "audit.read") },
    { href: "/settings/members", label: "Members", show: can(user.role, "members.manage") },
    { href: "/settings/tokens", label: "API tokens", show: can(user.role, "tokens.manage") },
    { href: "/settings/account", label: "Account", show: true },
  ].filter((l) => l.show);
  return (
    <header className="border-b border-slate-800 bg-slate-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-emerald-400 ring-2 ring-emerald-400/30" />
          Sightline
        </Link>
        <span className="truncate text-sm text-slate-300" data-testid="workspace-name">
          {user.workspaceName}
        </span>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="max-w-[9rem] truncate text-slate-200 sm:max-w-none" data-testid="user-name">
            {user.name}
          </span>
          <RoleBadge role={user.role} />
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-600 px-2.5 py-1 text-slate-100 hover:bg-slate-800">
              Sign out
            </button>
          </form>
        </div>
        <nav aria-label="Main" className="-mx-1 flex w-full gap-1 overflow-x-auto text-sm">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="whitespace-nowrap rounded px-2 py-1 text-slate-200 hover:bg-slate-800 hover:text-white">
              {link.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
