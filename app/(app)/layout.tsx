import { AppHeader } from "@/components/app-header";
import { Providers } from "@/components/providers";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await guard(requireUser);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        <Providers>{children}</Providers>
      </main>
    </>
  );
}
