// Which webhook addresses are refused (server-side request forgery): a table of IPv4 and IPv6 addresses, IPv4-mapped
// IPv6 included, URLs that are not http(s) or carry credentials, names that resolve to private addresses (one bad
// address among good ones is enough), and the allowlist (host, host:port, IPv6).
import { describe, expect, it } from "vitest";
import { webhookAllowlist } from "@/lib/notifications/settings";
import { checkWebhookTarget, isAllowlisted, isPublicAddress, parseWebhookUrl } from "@/lib/notifications/webhook-address";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["93.184.215.14", true],
    ["2606:4700:4700::1111", true],
    ["::ffff:8.8.8.8", true],
    ["127.0.0.1", false],
    ["127.8.9.10", false],
    ["10.0.0.1", false],
    ["172.16.0.1", false],
    ["172.31.255.254", false],
    ["192.168.1.20", false],
    ["169.254.169.254", false], // cloud metadata, link-local
    ["100.64.0.1", false], // carrier-grade NAT
    ["0.0.0.0", false],
    ["255.255.255.255", false],
    ["224.0.0.1", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fc00::1", false],
    ["fd12:3456:789a::1", false],
    ["::ffff:127.0.0.1", false], // IPv4-mapped loopback
    ["::ffff:10.0.0.1", false],
    ["::ffff:169.254.169.254", false],
    ["64:ff9b::a00:1", false], // NAT64 of 10.0.0.1
    ["2002:a00:1::", false], // 6to4 of 10.0.0.1
    ["not-an-ip", false],
  ])("%s public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("parseWebhookUrl", () => {
  it.each([
    ["https://hooks.example.com/x", true],
    ["http://hooks.example.com:8080/x", true],
    ["ftp://hooks.example.com/x", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["https://user:pass@hooks.example.com/", "credentials"],
    ["hooks.example.com/x", "invalid"],
    [`https://example.com/${"a".repeat(2001)}`, "too_long"],
  ])("%s", (raw, expected) => {
    const r = parseWebhookUrl(raw);
    expect(r.ok ? true : r.refusal.kind).toBe(expected);
  });
});

describe("checkWebhookTarget", () => {
  const resolveTo = (addresses: string[]) => async () => addresses;
  const fails = async () => {
    throw new Error("ENOTFOUND");
  };

  it.each([
    ["http://10.0.0.1/hook", [], { kind: "private", host: "10.0.0.1", address: "10.0.0.1" }],
    ["http://127.0.0.1:8080/hook", [], { kind: "private", host: "127.0.0.1", address: "127.0.0.1" }],
    ["http://[::1]/hook", [], { kind: "private", host: "::1", address: "::1" }],
    ["http://[::ffff:127.0.0.1]/hook", [], { kind: "private", host: "::ffff:7f00:1", address: "::ffff:7f00:1" }],
    ["http://0x7f000001/hook", [], { kind: "private", host: "127.0.0.1", address: "127.0.0.1" }], // URL normalizes it
    ["https://intranet.example.com/hook", ["192.168.1.20"], { kind: "private", host: "intranet.example.com", address: "192.168.1.20" }],
    ["https://mixed.example.com/hook", ["93.184.215.14", "10.1.2.3"], { kind: "private", host: "mixed.example.com", address: "10.1.2.3" }],
    ["https://localhost/hook", ["127.0.0.1", "::1"], { kind: "private", host: "localhost", address: "127.0.0.1" }],
  ])("refuses %s", async (raw, addresses, refusal) => {
    expect(await checkWebhookTarget(raw, { allowlist: [], resolve: resolveTo(addresses) })).toEqual({ ok: false, refusal });
  });

  it("accepts a public name and a public address", async () => {
    expect(await checkWebhookTarget("https://hooks.example.com/x", { allowlist: [], resolve: resolveTo(["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]) })).toMatchObject({ ok: true, allowlisted: false });
    expect(await checkWebhookTarget("http://8.8.8.8/x", { allowlist: [], resolve: fails })).toMatchObject({ ok: true });
  });

  it("refuses a name that does not resolve", async () => {
    expect(await checkWebhookTarget("https://nowhere.invalid/x", { allowlist: [], resolve: fails })).toEqual({ ok: false, refusal: { kind: "not_found", host: "nowhere.invalid" } });
  });

  it("lets the allowlist name a private host, by host or by host and port", async () => {
    const allowlist = webhookAllowlist({ SIGHTLINE_WEBHOOK_ALLOWLIST: " 127.0.0.1:9000, Intranet.Example.com ,[::1]:8443" } as unknown as NodeJS.ProcessEnv);
    expect(allowlist).toEqual([
      { host: "127.0.0.1", port: "9000" },
      { host: "intranet.example.com", port: null },
      { host: "::1", port: "8443" },
    ]);
    expect(await checkWebhookTarget("http://127.0.0.1:9000/hook", { allowlist, resolve: fails })).toMatchObject({ ok: true, allowlisted: true });
    expect(await checkWebhookTarget("http://127.0.0.1:9001/hook", { allowlist, resolve: fails })).toMatchObject({ ok: false });
    expect(await checkWebhookTarget("https://intranet.example.com/hook", { allowlist, resolve: resolveTo(["192.168.1.20"]) })).toMatchObject({ ok: true, allowlisted: true });
    expect(isAllowlisted(new URL("https://[::1]:8443/x"), allowlist)).toBe(true);
    expect(isAllowlisted(new URL("https://[0:0:0:0:0:0:0:1]:8443/x"), allowlist)).toBe(true);
    expect(isAllowlisted(new URL("https://[::1]/x"), allowlist)).toBe(false);
    expect(webhookAllowlist({} as unknown as NodeJS.ProcessEnv)).toEqual([]);
  });
});
