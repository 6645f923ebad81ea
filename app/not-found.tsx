import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return (
    <StatusPage code={404} title="We could not find that page">
      The link may be wrong, or what it pointed to was removed or belongs to another workspace.
    </StatusPage>
  );
}
