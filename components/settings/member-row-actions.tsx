"use client";

import { useActionState } from "react";
import {
  changeRoleAction,
  removeMemberAction,
  revokeInvitationAction,
  signOutMemberAction,
  type MemberActionState,
} from "@/app/(app)/settings/members/actions";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";

function Feedback({ state }: { state: MemberActionState }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`mt-1 text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.ok ? state.message : state.error}
    </p>
  );
}

export function MemberRowActions({ userId, role, name }: { userId: string; role: Role; name: string }) {
  const [roleState, roleAction, rolePending] = useActionState<MemberActionState, FormData>(changeRoleAction, null);
  const [removeState, removeAction, removePending] = useActionState<MemberActionState, FormData>(removeMemberAction, null);
  const [signOutState, signOutAction, signOutPending] = useActionState<MemberActionState, FormData>(signOutMemberAction, null);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>
            Role of {name}
          </label>
          <select id={`role-${userId}`} name="role" defaultValue={role} className={`${inputClass} w-32 py-1.5`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r[0]!.toUpperCase() + r.slice(1)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" className="whitespace-nowrap py-1.5" disabled={rolePending}>
            Save role
          </Button>
        </form>
        <form
          action={signOutAction}
          onSubmit={(e) => {
            if (!window.confirm(`Sign ${name} out of every browser? They can sign in again with their password.`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="secondary" className="whitespace-nowrap py-1.5" disabled={signOutPending}>
            Sign them out everywhere
          </Button>
        </form>
        <form
          action={removeAction}
          onSubmit={(e) => {
            if (!window.confirm(`Remove ${name} from this workspace? They lose access at once.`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="danger" className="py-1.5" disabled={removePending}>
            Remove
          </Button>
        </form>
      </div>
      <Feedback state={roleState} />
      <Feedback state={removeState} />
      <Feedback state={signOutState} />
    </div>
  );
}

export function RevokeInvitationButton({ invitationId }: { invitationId: string }) {
  const [state, action, pending] = useActionState<MemberActionState, FormData>(revokeInvitationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="ghost" className="py-1 text-red-700" disabled={pending}>
        Cancel invitation
      </Button>
      <Feedback state={state} />
    </form>
  );
}
