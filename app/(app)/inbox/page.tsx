import type { Metadata } from "next";
import Link from "next/link";
import { InboxList } from "@/components/notifications/inbox-list";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { listInbox } from "@/lib/db/notifications";
import { INBOX_WORDS, unreadSentence } from "@/lib/narrative/notification-words";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { page } = await searchParams;
  const inbox = await guard(() => listInbox({ page: Array.isArray(page) ? page[0] : page }));
  return (
    <>
      <PageTitle title={INBOX_WORDS.title} lead={inbox.items.length === 0 && inbox.page === 1 ? INBOX_WORDS.lead : `${INBOX_WORDS.lead} ${unreadSentence(inbox.unread)}`}>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/settings/notifications" className="text-sm text-sky-800 underline underline-offset-2">
            {INBOX_WORDS.settingsLink}
          </Link>
          {inbox.unread > 0 ? (
            <form action={markAllReadAction}>
              <button type="submit" className={buttonClass("secondary")}>
                {INBOX_WORDS.markAllRead}
              </button>
            </form>
          ) : null}
        </div>
      </PageTitle>
      <Card flush className="overflow-hidden">
        {inbox.items.length === 0 ? (
          <p className="p-5 text-sm text-slate-700" data-testid="inbox-empty">
            {INBOX_WORDS.empty}
          </p>
        ) : (
          <InboxList items={inbox.items} />
        )}
      </Card>
      {inbox.page > 1 || inbox.hasMore ? (
        <nav aria-label={INBOX_WORDS.pagesLabel} className="mt-4 flex justify-between text-sm">
          {inbox.page > 1 ? (
            <Link href={`/inbox?page=${inbox.page - 1}`} className="text-sky-800 underline underline-offset-2">
              {INBOX_WORDS.newer}
            </Link>
          ) : (
            <span />
          )}
          {inbox.hasMore ? (
            <Link href={`/inbox?page=${inbox.page + 1}`} className="text-sky-800 underline underline-offset-2">
              {INBOX_WORDS.older}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
