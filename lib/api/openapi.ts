// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.
const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["unauthenticated", "not-found", "invalid_request"] },
        message: { type: "string", description: "What went wrong and what to do, in plain words." },
        details: {},
      },
    },
  },
} as const;

const errors = {
  "401": { description: "No valid API token or session.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "The token or user may not do this.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "404": { description: "Not found in your workspace.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
} as const;

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Sightline API",
    version: "1.0.0",
    description:
      "Push production data and labels from your pipelines and read the verdict. Authenticate with a workspace API token " +
      "(owners create them under Settings → API tokens) sent as `Authorization: Bearer sl_…`.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerToken: [] }],
  components: {
    securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A workspace API token, `sl_…`." } },
    schemas: {
      Error: errorSchema,
      Model: {
        type: "object",
        required: ["id", "name", "purpose", "task"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          purpose: { type: "string" },
          task: { type: "string", enum: ["binary", "multiclass", "regression"] },
          versionCount: { type: "integer" },
          windowCount: { type: "integer" },
          liveVersion: { type: ["integer", "null"] },
        },
      },
      Job: {
        type: "object",
        required: ["id", "kind", "status", "progress", "stage"],
        properties: {
          id: { type: "string" },
          kind: { type: "string" },
          status: { type: "string", enum: ["queued", "running", "succeeded", "failed", "cancelled"] },
          progress: { type: "number", minimum: 0, maximum: 1 },
          stage: { type: "string", description: "What the job is doing now, in plain words." },
          error: { type: ["string", "null"], description: "Why it failed and what to do." },
          result: {},
          modelId: { type: ["string", "null"] },
          createdAt: { type: "string", format: "date-time" },
          finishedAt: { type: ["string", "null"], format: "date-time" },
        },
      },
    },
  },
  paths: {
    "/models": {
      get: {
        summary: "List the models of the token's workspace",
        operationId: "listModels",
        responses: {
          "200": {
            description: "The models.",
            content: { "application/json": { schema: { type: "object", properties: { models: { type: "array", items: { $ref: "#/components/schemas/Model" } } } } } },
          },
          "401": errors["401"],
        },
      },
    },
    "/jobs/{jobId}": {
      get: {
        summary: "Read a job's status and progress",
        operationId: "getJob",
        parameters: [{ name: "jobId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The job.", content: { "application/json": { schema: { $ref: "#/components/schemas/Job" } } } },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
    },
  },
} as const;
