// The words of the app's status pages (403, 404, errors) and its frame (skip link, theme switch). Pure.

/** Roles in words, as a list a sentence can hold: "owners", "owners and analysts". */
export function rolesInWords(roles: readonly string[]): string {
  const plural = roles.map((r) => `${r}s`);
  if (plural.length <= 1) return plural[0] ?? "nobody";
  return `${plural.slice(0, -1).join(", ")} and ${plural[plural.length - 1]}`;
}

/** "Only owners may open the audit log.", "Owners and analysts may add a model." */
export function whoMay(action: string, roles: readonly string[]): string {
  const who = rolesInWords(roles);
  return roles.length === 1 ? `Only ${who} may ${action}.` : `${who.charAt(0).toUpperCase()}${who.slice(1)} may ${action}.`;
}

/** The 403 page: who may do what the refused page does, and what to do. */
export function forbiddenWords(action: string, roles: readonly string[]): string[] {
  return [`${whoMay(action, roles)} Your role does not let you in.`, ASK_OWNER];
}

/** The 403 page when the page is not one we know by name: who may do what. */
export function forbiddenFallbackWords(areas: readonly { action: string; roles: readonly string[] }[]): string[] {
  return ["Your role does not let you open this page.", ...areas.map((a) => whoMay(a.action, a.roles)), ASK_OWNER];
}

const ASK_OWNER = "If you need it, ask an owner to change your role on the Members page.";

export const STATUS_WORDS = {
  forbiddenTitle: "Your role cannot open this page",
  whoMayEnter: "Who may enter",
  notFoundTitle: "We could not find that page",
  notFound: "The link may be wrong, or what it pointed to was removed or belongs to another workspace. Check the address, or start again from your models.",
  errorTitle: "Something went wrong on our side",
  error: "The page could not be shown. Nothing you entered was lost. Try again. If it keeps failing, tell your administrator and give them the code below.",
  errorCode: "Code",
  tryAgain: "Try again",
  backHome: "Back to your models",
  loading: "Loading…",
  skipLink: "Skip to the main content",
  themeLight: "Light",
  themeDark: "Dark",
  themeSystem: "Same as the device",
  themeLabel: "Colours",
} as const;
