// Demo mode (SIGHTLINE_DEMO=1, set by `npm run demo`): demo accounts exist and are listed on the login page.
import type { Role } from "./permissions";

export const DEMO_PASSWORD = "sightline-demo";
export const DEMO_WORKSPACE = "Northwind Lending";
export const OTHER_DEMO_WORKSPACE = "Capital Bikes";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role }[] = [
  { email: "owner@example.com", name: "Olivia Owner", role: "owner" },
  { email: "reviewer@example.com", name: "Rafael Reviewer", role: "reviewer" },
  { email: "analyst@example.com", name: "Ana Analyst", role: "analyst" },
  { email: "viewer@example.com", name: "Victor Viewer", role: "viewer" },
];

/** Owner of the second demo workspace; not listed on the login page. */
export const OTHER_DEMO_OWNER = { email: "owner@capitalbikes.example", name: "Cai Bikes", role: "owner" as const };

export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SIGHTLINE_DEMO === "1";
}
