// Where a request was sent to, and whether a browser sent it from another origin. Used by the proxy (pages,
// server actions, HSTS) and by the REST API's cookie check (lib/api/route.ts). No Next or server-only imports.

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value ? value : undefined;
}

/** Whether a proxy in front of the app is trusted to say the scheme and host (`AUTH_TRUST_HOST=true`). */
export function trustsProxyHeaders(): boolean {
  const value = process.env.AUTH_TRUST_HOST?.toLowerCase();
  return value === "true" || value === "1";
}

/**
 * The host the browser addressed: `x-forwarded-host`, else `Host`, as Next's own server-action check reads it.
 * A browser page on another site cannot set `x-forwarded-host` (a custom header needs a CORS preflight we never
 * grant), so reading it cannot make a cross-site request look same-origin.
 */
export function requestHost(request: Request): string {
  return firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? new URL(request.url).host;
}

/** True when the request reached us over https (the URL, or `x-forwarded-proto` from a trusted proxy). */
export function isHttpsRequest(request: Request): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return trustsProxyHeaders() && firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase() === "https";
}

/** The request's own origin, e.g. `https://sightline.example` (scheme from the URL or `x-forwarded-proto`). */
export function requestOrigin(request: Request): string {
  const forwardedProto = firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase();
  const protocol = forwardedProto === "https" || forwardedProto === "http" ? `${forwardedProto}:` : new URL(request.url).protocol;
  return `${protocol}//${requestHost(request)}`;
}

/** The origin an `Origin` header names; "null" and anything unparsable stay as written (and match nothing). */
function originOf(header: string): string {
  try {
    return new URL(header).origin;
  } catch {
    return header;
  }
}

/**
 * Whether a browser sent this request from another origin: its `Origin` differs from the request's own origin,
 * or `Sec-Fetch-Site` says `cross-site` (or `same-site`, which browsers send only from another origin). A request
 * with neither header (curl, a server) is not cross-origin.
 */
export function isCrossOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site")?.toLowerCase();
  const own = requestOrigin(request);
  if (origin !== null && originOf(origin) !== own) return true;
  if (site === "cross-site") return true;
  if (site === "same-site") return origin === null || originOf(origin) !== own;
  return false;
}

/** For server actions: whether an `Origin` header is present and names another host than the request's (Next's rule). */
export function hasForeignOriginHost(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== requestHost(request);
  } catch {
    return true; // "null" (a sandboxed frame, a privacy redirect) or garbage
  }
}
