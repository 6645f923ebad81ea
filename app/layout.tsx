import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { connection } from "next/server";
import { ThemeScript } from "@/components/theme/theme-script";
import { THEME_COOKIE, parseThemeChoice } from "@/components/theme/theme-constants";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sightline", template: "%s · Sightline" },
  description: "Is your model still good, fair and safe to ship? Sightline tells you in plain words.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020618" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put the request's CSP nonce (proxy.ts) on its scripts; a page
  // built ahead of time (e.g. the 404 page) would carry scripts without it, and the browser would block them.
  await connection();
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  // A stored choice is rendered into the class, so the page arrives in the right colours; without one the inline
  // script follows the device's setting before the first paint.
  const choice = parseThemeChoice(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={choice ?? undefined} data-theme={choice ? "chosen" : undefined} suppressHydrationWarning>
      <head>
        <ThemeScript nonce={requestHeaders.get("x-nonce") ?? undefined} />
      </head>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
