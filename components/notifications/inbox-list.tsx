import Link from "next/link";
import { markReadAction } from "@/app/(app)/inbox/actions";
import type { NotificationView } from "@/lib/contracts/notifications";
import { INBOX_WORDS } from "@/lib/narrative/notification-words";
import { buttonClass } from "../ui/button";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The inbox's notes, newest first; unread ones carry a "New" mark and a "Mark as read" button (plain form posts). */
export function InboxList({ items }: { items: readonly NotificationView[] }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="inbox-list">
      {items.map((n) => (
        <li
          key={n.id}
          data-testid="notification"
          data-kind={n.kind}
          data-read={n.read ? "true" : "false"}
          className={`flex flex-col gap-3 border-l-4 px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:px-5 ${n.read ? "border-l-transparent" : "border-l-sky-600 bg-sky-50/60"}`}
        >
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2">
              {n.read ? null : (
                <span className="rounded-full bg-sky-700 px-2 py-0.5 text-xs font-semibold text-white" data-testid="unread-mark">
                  {INBOX_WORDS.unreadMark}
                </span>
              )}
              {n.link ? (
                <Link href={n.link} className={`break-words text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-sky-700 ${n.read ? "" : "font-semibold"}`}>
                  {n.title}
                </Link>
              ) : (
                <span className={`break-words text-slate-900 ${n.read ? "" : "font-semibold"}`}>{n.title}</span>
              )}
            </p>
            <p className="mt-1 break-words text-sm text-slate-700">{n.body}</p>
            <p className="mt-1 text-xs text-slate-600">
              <time dateTime={n.createdAt.toISOString()}>{timeFormat.format(n.createdAt)} UTC</time>
            </p>
          </div>
          {n.read ? null : (
            <form action={markReadAction} className="shrink-0">
              <input type="hidden" name="id" value={n.id} />
              <button type="submit" className={buttonClass("secondary", "py-1.5")}>
                {INBOX_WORDS.markRead}
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
