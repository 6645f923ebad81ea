// The workspace picker in the app bar, for a person in more than one workspace: a plain form (works without
// JavaScript); the server action checks the membership and reloads the app in the chosen workspace.
import { switchWorkspaceAction } from "@/app/actions";

export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: readonly { id: string; name: string }[] }) {
  return (
    <form action={switchWorkspaceAction} className="flex min-w-0 items-center gap-1.5 text-sm" data-testid="workspace-switcher">
      <label htmlFor="workspace-choice" className="sr-only">
        Workspace
      </label>
      <select
        id="workspace-choice"
        name="workspace"
        defaultValue={current}
        className="h-8 min-w-0 max-w-[14rem] truncate rounded-md border border-[var(--shell-border)] bg-[var(--shell-bg)] px-2 text-[var(--shell-fg)]"
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      <button type="submit" className="inline-flex h-8 items-center rounded-md border border-[var(--shell-border)] px-2.5 text-[var(--shell-fg)] hover:bg-[var(--shell-hover)]">
        Switch
      </button>
    </form>
  );
}
