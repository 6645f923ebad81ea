import type { Metadata } from "next";
import { CreateTokenForm, RevokeTokenButton } from "@/components/settings/token-forms";
import { Card, PageTitle } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { listApiTokens } from "@/lib/db/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

function expiryText(daysLeft: number): string {
  if (daysLeft <= 0) return "expired";
  return `expires in ${daysLeft} ${daysLeft === 1 ? "day" : "days"}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function TokensPage() {
  const tokens = await guard(listApiTokens);
  return (
    <>
      <PageTitle
        title="API tokens"
        lead="A token lets a program (for example a nightly pipeline) send new data to Sightline and read the verdict, without a person signing in. Each token may do only what you tick when you create it, never more than your role allows now, and it expires."
      />
      <Card className="mb-6">
        <h2 className="mb-3 font-semibold">Create a token</h2>
        <CreateTokenForm />
      </Card>
      <Card flush className="overflow-hidden">
        <h2 className="px-5 pt-5 font-semibold">Active tokens ({tokens.length})</h2>
        {tokens.length === 0 ? (
          <p className="px-5 pb-5 pt-2 text-sm text-slate-600">No tokens yet. Create one above when a pipeline needs to send data.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="token-list">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium">
                    {t.name}{" "}
                    <span data-testid="token-expiry" className={`text-xs font-normal ${t.daysLeft <= 0 ? "text-red-700" : "text-slate-500"}`}>
                      ({expiryText(t.daysLeft)})
                    </span>
                  </p>
                  <p className="text-xs text-slate-600">
                    May: {t.scopes.length ? t.scopes.map((s) => <code key={s} className="mr-1 rounded bg-slate-100 px-1">{s}</code>) : "nothing"}
                  </p>
                  <p className="text-xs text-slate-500">
                    <code>{t.prefix}…</code> · created by {t.createdBy} on {dateFormat.format(t.createdAt)} UTC ·{" "}
                    {t.lastUsedAt ? `last used ${dateFormat.format(t.lastUsedAt)} UTC` : "never used"}
                  </p>
                </div>
                <RevokeTokenButton tokenId={t.id} name={t.name} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
