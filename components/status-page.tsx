import Link from "next/link";
import { buttonClass } from "./ui/button";

export function StatusPage({ code, title, children }: { code: number; title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-lg flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold text-sky-800">Error {code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-3 text-slate-700">{children}</div>
      <p className="mt-6">
        <Link href="/" className={buttonClass("primary")}>
          Back to your models
        </Link>
      </p>
    </main>
  );
}
