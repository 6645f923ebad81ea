// Which workspace a browser works in, for a person in several: a cookie that only states a preference. requireUser()
// honours it only where the person is a member now (lib/auth/current-user.ts), so it grants nothing by itself.
export const WORKSPACE_COOKIE = "sightline-workspace";
