import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CreateModelForm } from "@/components/models/create-model-form";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Add a model" };

export default async function NewModelPage() {
  const user = await guard(requireUser);
  if (!can(user.role, "model.write")) forbidden();
  return (
    <>
      <PageTitle title="Add a model" lead="Describe the model in plain words. You upload its file and data on the next page." />
      <Card>
        <CreateModelForm />
      </Card>
    </>
  );
}
