// Models through the API: POST /api/v1/models creates what the app's "Add a model" form creates, so a pipeline can do
// everything a person can; a bad body is refused naming the parameter; only owners, analysts and tokens with
// versions:manage may create.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signedInPage } from "./support/session";

interface ApiError {
  error: { code: string; message: string; details?: { parameter: string; problems: { parameter: string; message: string }[] } };
}

async function createToken(owner: Page, name: string, scopes: { versionsManage: boolean }): Promise<string> {
  await owner.goto("/settings/tokens");
  await owner.getByLabel("What will use this token?").fill(name);
  if (scopes.versionsManage) await owner.getByRole("checkbox", { name: /versions:manage/ }).check();
  await owner.getByRole("button", { name: "Create token" }).click();
  return owner.getByTestId("new-token").inputValue();
}

test("a token with versions:manage creates a model (listed, readable, audited, with a page); a bad body is refused naming the parameter", async ({ browser, request }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  const stamp = Date.now().toString(36);
  const token = await createToken(owner, `models ${stamp}`, { versionsManage: true });
  const auth = { Authorization: `Bearer ${token}` };
  const name = `Churn via API ${stamp}`;

  const created = await request.post("/api/v1/models", {
    headers: auth,
    data: { name, purpose: "Flags customers likely to leave next month", task: "binary", positiveLabel: "churned", sensitiveAttributes: ["sex", "age_band"], fairnessQuestion: "burden", rowNoun: "customers" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const body = (await created.json()) as { model: { id: string; name: string; task: string; positiveLabel: string; sensitiveAttributes: string[]; versionCount: number }; links: Record<string, string> };
  expect(body.model).toMatchObject({ name, task: "binary", positiveLabel: "churned", sensitiveAttributes: ["sex", "age_band"], versionCount: 0 });
  expect(created.headers()["location"]).toBe(`/api/v1/models/${body.model.id}`);
  expect(body.links).toMatchObject({ self: `/api/v1/models/${body.model.id}`, page: `/models/${body.model.id}`, versions: `/api/v1/models/${body.model.id}/versions`, data: `/api/v1/models/${body.model.id}/data` });

  const list = (await (await request.get("/api/v1/models", { headers: auth })).json()) as { models: { id: string; name: string }[] };
  expect(list.models).toContainEqual(expect.objectContaining({ id: body.model.id, name }));
  const one = await request.get(body.links.self as string, { headers: auth });
  expect(one.status()).toBe(200);
  expect(((await one.json()) as { model: { purpose: string } }).model.purpose).toBe("Flags customers likely to leave next month");

  // The same name again is refused, as in the app.
  const again = await request.post("/api/v1/models", { headers: auth, data: { name, purpose: "Another model with the same name", task: "regression" } });
  expect(again.status()).toBe(409);

  // The app shows it, and the audit log has its creation, as for the form.
  await owner.goto(body.links.page as string);
  await expect(owner.getByRole("heading", { level: 1 })).toContainText(name);
  await owner.goto(`/audit?action=model.created`);
  await expect(owner.getByTestId("audit-row").filter({ hasText: `Model "${name}" was created` })).toHaveCount(1);

  // A bad body is refused with 400 naming the parameter, and nothing is created.
  const never = `Never made ${stamp}`;
  await badBodies(request, auth, never);
  const after = (await (await request.get("/api/v1/models", { headers: auth })).json()) as { models: { name: string }[] };
  expect(after.models.map((m) => m.name)).not.toContain(never);
});

async function badBodies(request: APIRequestContext, auth: Record<string, string>, name: string): Promise<void> {
  const cases: [unknown, string, string][] = [
    [{ name, purpose: "Decides which loans get a fast review", task: "classification" }, "task", 'Set `task` to one of three words'],
    [{ name, purpose: "Decides which loans get a fast review", task: "binary" }, "positiveLabel", "needs `positiveLabel`"],
    [{ name, purpose: "short", task: "regression" }, "purpose", "`purpose`"],
    [{ name, purpose: "Decides which loans get a fast review", task: "regression", sensitive_attributes: ["sex"] }, "sensitive_attributes", "Sightline does not know `sensitive_attributes`"],
    [{ name, purpose: "Decides which loans get a fast review", task: "regression", sensitiveAttributes: "sex" }, "sensitiveAttributes", "Send `sensitiveAttributes` as a list"],
  ];
  for (const [data, parameter, words] of cases) {
    const response = await request.post("/api/v1/models", { headers: auth, data: data as Record<string, unknown> });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    const error = (await response.json()) as ApiError;
    expect(error.error.code).toBe("invalid_request");
    expect(error.error.details?.parameter).toBe(parameter);
    expect(error.error.message).toContain(words);
  }
  const notJson = await request.post("/api/v1/models", { headers: { ...auth, "Content-Type": "application/json" }, data: "name=x" });
  expect(notJson.status()).toBe(400);
  expect(((await notJson.json()) as ApiError).error.message).toContain("JSON object");
}

test("a read-only token and a viewer get 403; without a token 401", async ({ browser, request }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  const stamp = Date.now().toString(36);
  const token = await createToken(owner, `read only ${stamp}`, { versionsManage: false });
  const data = { name: `Refused ${stamp}`, purpose: "Decides which loans get a fast review", task: "regression" };

  const refused = await request.post("/api/v1/models", { headers: { Authorization: `Bearer ${token}` }, data });
  expect(refused.status()).toBe(403);
  const error = (await refused.json()) as ApiError;
  expect(error.error.code).toBe("forbidden");
  expect(error.error.message).toContain("This API token may not add models");

  const viewer = await signedInPage(browser, "viewer@example.com");
  const byViewer = await viewer.request.post("/api/v1/models", { data });
  expect(byViewer.status()).toBe(403);
  expect(((await byViewer.json()) as ApiError).error.message).toContain("Your role does not allow you to add models");

  const anonymous = await request.post("/api/v1/models", { data });
  expect(anonymous.status()).toBe(401);

  const list = (await (await request.get("/api/v1/models", { headers: { Authorization: `Bearer ${token}` } })).json()) as { models: { name: string }[] };
  expect(list.models.map((m) => m.name)).not.toContain(data.name);
});
