import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

test("an owner creates an API token; it reads the workspace's models until it is revoked", async ({ browser, request }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  await owner.goto("/settings/tokens");
  const name = `pipeline ${Date.now()}`;
  await owner.getByLabel("What will use this token?").fill(name);
  await owner.getByRole("button", { name: "Create token" }).click();
  const token = await owner.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);

  const ok = await request.get("/api/v1/models", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { models: { name: string }[] };
  // The workspace's own models (other tests may add more), never another workspace's.
  expect(body.models.map((m) => m.name)).toContain("Income screener");
  expect(body.models.map((m) => m.name)).not.toContain("Bike rental demand");

  // The token is shown once: the list shows only its prefix.
  await owner.reload();
  const row = owner.getByTestId("token-list").locator("li", { hasText: name });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(owner.getByText(token)).toHaveCount(0);

  owner.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(owner.getByTestId("token-list").locator("li", { hasText: name })).toHaveCount(0);

  const refused = await request.get("/api/v1/models", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  const error = (await refused.json()) as { error: { code: string; message: string } };
  expect(error.error.code).toBe("unauthenticated");
  expect(error.error.message).toContain("Authorization: Bearer");
});

test("the API refuses requests without a token, with a JSON answer saying how to authenticate", async ({ request }) => {
  for (const path of ["/api/v1/models", "/api/v1/jobs/anything"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("API token");
  }
  const garbage = await request.get("/api/v1/models", { headers: { Authorization: "Bearer sl_not-a-real-token" } });
  expect(garbage.status()).toBe(401);
});

test("the OpenAPI document is served and describes the endpoints", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/models", "/models/{modelId}/versions", "/models/{modelId}/data", "/models/{modelId}/labels", "/models/{modelId}/snapshots/latest", "/jobs/{jobId}"]),
  );
});

test("non-owners cannot open the API tokens page", async ({ browser }) => {
  const analyst = await signedInPage(browser, "analyst@example.com");
  const response = await analyst.goto("/settings/tokens");
  expect(response?.status()).toBe(403);
});
