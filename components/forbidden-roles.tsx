"use client";

import { usePathname } from "next/navigation";
import { STATUS_WORDS, forbiddenFallbackWords, forbiddenWords } from "@/lib/narrative/status-words";

export interface GuardedArea {
  /** a regular expression source for the paths of the area */
  pattern: string;
  /** what the area lets a role do: "open the audit log", "add a model" */
  action: string;
  roles: readonly string[];
}

/** The 403 page's body: which roles may open the page that was refused (read from the address). */
export function ForbiddenRoles({ areas }: { areas: readonly GuardedArea[] }) {
  const pathname = usePathname();
  const area = areas.find((a) => new RegExp(a.pattern).test(pathname));
  const lines = area ? forbiddenWords(area.action, area.roles) : forbiddenFallbackWords(areas);
  return (
    <>
      <p data-testid="forbidden-roles">
        <span className="font-medium">{STATUS_WORDS.whoMayEnter}: </span>
        {lines[0]}
      </p>
      {lines.slice(1).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </>
  );
}
