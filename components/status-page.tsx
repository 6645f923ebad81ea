import Link from "next/link";
import { STATUS_WORDS } from "@/lib/narrative/status-words";
import { buttonClass } from "./ui/button";

/**
 * A page that says what went wrong and what to do. Next renders it inside the layouts above the failed segment
 * (for a signed-in page: inside the app bar's <main>), so it opens no landmark of its own unless `standalone`.
 */
export function StatusPage({
  code,
  title,
  children,
  actions,
  standalone = false,
}: {
  code: number | string;
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
  standalone?: boolean;
}) {
  const Frame = standalone ? "main" : "div";
  return (
    <Frame className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold text-sky-800">{typeof code === "number" ? `Error ${code}` : code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-3 space-y-2 text-slate-700">{children}</div>
      <div className="mt-6 flex flex-wrap gap-3">
        {actions}
        <Link href="/" className={buttonClass(actions ? "secondary" : "primary")}>
          {STATUS_WORDS.backHome}
        </Link>
      </div>
    </Frame>
  );
}
