import type { Metadata } from "next";
import { StatusPage } from "@/components/status-page";
import { STATUS_WORDS } from "@/lib/narrative/status-words";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage code={404} title={STATUS_WORDS.notFoundTitle}>
      <p>{STATUS_WORDS.notFound}</p>
    </StatusPage>
  );
}
