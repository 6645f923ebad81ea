import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  return (
    <StatusPage code={403} title="Your role cannot open this page">
      This page is for workspace owners. If you need it, ask an owner to change your role on the Members page.
    </StatusPage>
  );
}
