// The webhook post itself, against local servers: a redirect is answered as is (never followed), and a name that
// resolves to a loopback address is refused by the connection's own lookup (the delivery-time check against DNS
// rebinding), while the same server is reached when the allowlist names it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "@/lib/notifications/deliver";
import { BlockedAddressError } from "@/lib/notifications/webhook-address";

const hits: string[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    request.resume();
    request.on("end", () => {
      if (request.url === "/redirect") response.writeHead(302, { Location: `http://127.0.0.1:${port}/elsewhere` }).end();
      else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("postWebhook", () => {
  it("posts the body with the headers given and returns the status", async () => {
    expect(await postWebhook(new URL(`http://127.0.0.1:${port}/ok`), "{}", { "Sightline-Signature": "t=1,v1=00" }, true)).toBe(204);
    expect(hits).toContain("/ok");
  });

  it("does not follow a redirect", async () => {
    expect(await postWebhook(new URL(`http://127.0.0.1:${port}/redirect`), "{}", {}, true)).toBe(302);
    expect(hits).not.toContain("/elsewhere");
  });

  it("refuses a name that resolves to loopback unless allowlisted", async () => {
    const before = hits.length;
    await expect(postWebhook(new URL(`http://localhost:${port}/named`), "{}", {}, false)).rejects.toBeInstanceOf(BlockedAddressError);
    expect(hits.length).toBe(before);
  });
});
