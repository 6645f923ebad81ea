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

export const tokenForbidden = (what: string) =>
  new AccessError(
    "forbidden",
    `This API token may not ${what}: its scopes or its creator's current role do not allow it. An owner can create a token with the right scopes under Settings → API tokens.`,
  );

/** An API token past its expiry date: answered with 401 and how to get a new one. */
export class ApiTokenExpiredError extends Error {
  constructor(readonly expiredAt: Date) {
    super(
      `This API token expired on ${expiredAt.toISOString().slice(0, 10)}. An owner can create a new one under Settings → API tokens; then replace the old token in your pipeline.`,
    );
    this.name = "ApiTokenExpiredError";
  }
}

/** Too many failed attempts (sign-in, invitation acceptance) or requests: try again after `retryAfterSeconds`. */
export class ThrottledError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
    this.name = "ThrottledError";
  }
}

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
