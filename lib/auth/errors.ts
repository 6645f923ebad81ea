// Errors the data layer throws when a request may not go on. Pages turn them into
// a redirect to /login, a 403 page or a 404 page (app/_lib/guard.ts); route handlers into JSON.

export type AccessErrorKind = "unauthenticated" | "no-membership" | "forbidden" | "not-found";

export class AccessError extends Error {
  constructor(
    readonly kind: AccessErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "AccessError";
  }

  get status(): 401 | 403 | 404 {
    if (this.kind === "forbidden") return 403;
    if (this.kind === "not-found") return 404;
    return 401;
  }
}

export const unauthenticated = () => new AccessError("unauthenticated", "Sign in to continue.");
export const noMembership = () =>
  new AccessError(
    "no-membership",
    "Your account is not a member of any workspace any more. Ask a workspace owner for a new invitation.",
  );
export const forbidden = (what: string) =>
  new AccessError("forbidden", `Your role does not allow you to ${what}. Ask a workspace owner if you need it.`);
export const notFound = (what: string) =>
  new AccessError("not-found", `${what} was not found. It may have been removed, or the link may be wrong.`);

/** A request that is well-formed but breaks a rule (e.g. removing the last owner). */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 | 422 = 409,
  ) {
    super(message);
    this.name = "RuleError";
  }
}
