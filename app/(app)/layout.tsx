import { cookies } from "next/headers";
import { AppHeader } from "@/components/app-header";
import { SkipLink } from "@/components/skip-link";
import { THEME_COOKIE, parseThemeChoice } from "@/components/theme/theme-constants";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { unreadNotificationCount } from "@/lib/db/notifications";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const [user, cookieStore, unread] = await Promise.all([guard(requireUser), cookies(), guard(unreadNotificationCount)]);
  return (
    <>
      <SkipLink />
      <AppHeader user={user} unread={unread} dark={parseThemeChoice(cookieStore.get(THEME_COOKIE)?.value) === "dark"} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
