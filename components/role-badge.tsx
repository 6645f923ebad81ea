import type { Role } from "@/lib/auth/permissions";

const STYLE: Record<Role, string> = {
  owner: "bg-violet-100 text-violet-900",
  reviewer: "bg-amber-100 text-amber-900",
  analyst: "bg-sky-100 text-sky-900",
  viewer: "bg-slate-200 text-slate-800",
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span data-testid="user-role" className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STYLE[role]}`}>
      {role}
    </span>
  );
}
