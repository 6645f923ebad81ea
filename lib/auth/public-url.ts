// The address people use to reach Sightline, for links we hand out (invitations). Taken from the configuration,
// never from request headers (Host / X-Forwarded-Host can be set by whoever sends the request).
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SIGHTLINE_PUBLIC_URL?.trim() || "http://localhost:3000";
  const url = new URL(configured);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`SIGHTLINE_PUBLIC_URL must start with http:// or https:// (got "${configured}").`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}
