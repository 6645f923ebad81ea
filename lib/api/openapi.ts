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
  "401": {
    description: "No valid API token or session. An expired token answers with code `token_expired`: an owner makes a new one under Settings → API tokens.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "403": {
    description: "The token or user may not do this: the token lacks the scope, or its creator's current role does not allow it. Cookie requests from another site answer `cross_origin`.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "404": { description: "Not found in your workspace.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
} as const;

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Sightline API",
    version: "1.0.0",
    description:
      "Push production data and labels from your pipelines and read the verdict. Authenticate with a workspace API token " +
      "(owners create them under Settings → API tokens) sent as `Authorization: Bearer sl_…`. The app's sign-in cookie " +
      "also works, but only from Sightline's own pages: a browser request from another origin gets 403 `cross_origin`.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerToken: [] }],
  components: {
    securitySchemes: {
      bearerToken: {
        type: "http",
        scheme: "bearer",
        description:
          "A workspace API token, `sl_…`, with scopes `results:read`, `data:write` and/or `versions:manage`, and an expiry. It never does more than its creator's current role allows. Over the per-token rate (600 requests a minute by default) the answer is 429 with `Retry-After`.",
      },
    },
    schemas: {
      Error: errorSchema,
      InputMapping: {
        type: "object",
        description: "Per model input name: its columns in order (an [N, F] input) or its one column (an input that takes one value per row).",
        additionalProperties: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1 }] },
        example: { numbers: ["age", "income"], region: "region" },
      },
      Processing: {
        type: "object",
        description:
          "A version's declared processing, applied the same way on the server and in the browser: derived columns (formulas over the row, in jexl syntax with log, exp, abs, sqrt, pow, min, max, round, days_between), then standardisation ((value - mean) / scale), then the model, then the output transform. Every field is optional; {} declares none.",
        additionalProperties: false,
        properties: {
          derived: {
            type: "array",
            maxItems: 100,
            items: { type: "object", required: ["name", "formula"], additionalProperties: false, properties: { name: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, formula: { type: "string", maxLength: 1000 } } },
            example: [{ name: "ratio", formula: "income / max(debt, 1)" }, { name: "days_open", formula: 'days_between(opened, col("closed on"))' }],
          },
          standardise: {
            description: 'The scaler, in one of three shapes: scikit-learn\'s StandardScaler attributes {"mean_": [...], "scale_": [...], "feature_names_in_": [...]}; {"age": {"mean": 38.6, "scale": 13.6}}; or [{"column": "age", "mean": 38.6, "scale": 13.6}].',
            oneOf: [
              { type: "object", properties: { mean_: { type: "array", items: { type: "number", nullable: true } }, scale_: { type: "array", items: { type: "number", nullable: true } }, feature_names_in_: { type: "array", items: { type: "string" } } } },
              { type: "object", additionalProperties: { type: "object", required: ["mean", "scale"], properties: { mean: { type: "number" }, scale: { type: "number" } } } },
              { type: "array", items: { type: "object", required: ["column", "mean", "scale"], properties: { column: { type: "string" }, mean: { type: "number" }, scale: { type: "number" } } } },
            ],
          },
          transform: {
            type: "object",
            required: ["kind"],
            description: "none; pow10 (10^x) or exp (e^x) for a log target; sigmoid for a raw score; softmax for one raw score per class; affine (mean + scale * x, give mean and scale) for a standardised target.",
            properties: { kind: { type: "string", enum: ["none", "pow10", "exp", "sigmoid", "softmax", "affine"] }, mean: { type: "number" }, scale: { type: "number" } },
          },
          meaning: {
            type: "object",
            nullable: true,
            required: ["kind"],
            description:
              "probability (of the positive class); raw_score (give threshold: a yes from there up); class; number (give unit). A yes/no model whose score lies outside 0 to 1 needs either transform sigmoid (the score becomes a chance) or meaning raw_score with its threshold: the version then says yes at that threshold instead of the policy's (in its snapshots, on the what-if page and in the scored rows, whose score column is model_score), ROC AUC reads the scores' order, and the Brier score, log loss and calibration chart are left out.",
            properties: { kind: { type: "string", enum: ["probability", "raw_score", "class", "number"] }, threshold: { type: "number" }, unit: { type: "string" } },
          },
        },
        example: { standardise: { mean_: [38.6, 1200], scale_: [13.6, 400], feature_names_in_: ["age", "income"] }, transform: { kind: "pow10" }, meaning: { kind: "number", unit: "EUR" } },
      },
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
      ModelCreate: {
        type: "object",
        additionalProperties: false,
        required: ["name", "purpose", "task"],
        properties: {
          name: { type: "string", minLength: 2, maxLength: 80, description: "Unique in the workspace." },
          purpose: { type: "string", minLength: 10, maxLength: 300, description: "One sentence: what the model decides." },
          task: { type: "string", enum: ["binary", "multiclass", "regression"], description: "The kind of answer: yes or no, one of several categories, or a number." },
          positiveLabel: { type: ["string", "null"], maxLength: 100, description: 'Required when task is "binary": the answer that counts as yes (e.g. ">50K" or "1").' },
          sensitiveAttributes: { type: ["array", "null"], maxItems: 50, items: { type: "string", minLength: 1, maxLength: 100 }, description: "Columns whose groups are checked for fairness, e.g. [\"sex\", \"age_band\"]." },
          fairnessQuestion: { type: ["string", "null"], enum: ["help", "burden", "equal", null], description: "Does a yes help the person, burden them, or should every group get it equally often? Sets how groups are compared." },
          rowNoun: { type: ["string", "null"], maxLength: 40, description: 'What one row is, e.g. "applicants" (default "rows").' },
        },
      },
      ModelWithLinks: {
        type: "object",
        required: ["model", "links"],
        properties: {
          model: {
            allOf: [
              { $ref: "#/components/schemas/Model" },
              {
                type: "object",
                properties: {
                  positiveLabel: { type: ["string", "null"] },
                  sensitiveAttributes: { type: "array", items: { type: "string" } },
                  createdAt: { type: "string", format: "date-time" },
                },
              },
            ],
          },
          links: {
            type: "object",
            properties: {
              self: { type: "string" },
              page: { type: "string", description: "The model's page in the app." },
              versions: { type: "string" },
              data: { type: "string" },
              labels: { type: "string" },
              snapshots: { type: "string" },
              latestSnapshot: { type: "string" },
              live: { type: "string" },
            },
          },
        },
      },
      Accepted: {
        type: "object",
        required: ["jobId"],
        properties: {
          jobId: { type: "string" },
          rows: { type: "integer" },
          windows: { type: "array", items: { type: "string" }, description: "Labels of the windows, e.g. 2026-05 or 2026-W19." },
          roles: { type: "object", description: "The columns used as label, id, timestamp, prediction, scores and features." },
          warnings: { type: "array", items: { type: "string" } },
        },
      },
      Snapshot: {
        type: "object",
        required: ["modelId", "verdict", "inputHash"],
        properties: {
          modelId: { type: "string" },
          version: { type: "object", properties: { id: { type: "string" }, version: { type: "integer" }, status: { type: "string" } } },
          window: {
            type: "object",
            properties: {
              id: { type: "string" },
              label: { type: "string" },
              file: { type: "string", description: "The uploaded file the window came from." },
              rows: { type: "integer" },
              isReference: { type: "boolean" },
              endsAt: { type: "string", format: "date-time", description: "The window's end; its upload time when it has no dates." },
              uploadedAt: { type: "string", format: "date-time" },
            },
          },
          snapshotId: { type: "string" },
          superseded: { type: "boolean", description: "A newer evaluation of the same version and window replaced this one (one-snapshot reads only)." },
          schemaVersion: { type: "integer", description: "2 for snapshots with distributions, slices and data quality; 1 for older ones (evaluate again to see those parts)." },
          inputHash: { type: "string", description: "sha256 of everything the numbers depend on: model file, reference data, window data, policy, settings." },
          createdAt: { type: "string", format: "date-time" },
          verdict: { type: "string", enum: ["green", "amber", "red", "gray"] },
          verdicts: { type: "object" },
          narrative: { type: "array", items: { type: "string" } },
          scorecard: { type: ["object", "null"] },
          drift: { type: "object" },
          fairness: { type: ["object", "null"], description: "Version 1 fairness summary (kept for old clients); `slices` has the detail." },
          distributions: { type: "array", items: { type: "object" }, description: "Per column: reference and current counts on the reference's bin edges or top categories, with box-plot quantiles." },
          slices: { type: ["object", "null"], description: "Per group of each sensitive column, each intersection of two and each other categorical column (numeric ones in 5 reference quantile bins): rows, rates with Wilson intervals, disparity against the reference group." },
          dataQuality: { type: ["object", "null"], description: "Missing shares, class balance, group shares against the reference, duplicates, leakage hints, missing or new columns, provenance." },
          isReference: { type: "boolean" },
        },
      },
      SnapshotSummary: {
        type: "object",
        required: ["id", "version", "window", "created", "lights", "superseded", "href"],
        properties: {
          id: { type: "string" },
          version: { type: "integer" },
          window: { type: "object", properties: { id: { type: "string" }, label: { type: "string" }, file: { type: "string" }, isReference: { type: "boolean" }, startsAt: { type: ["string", "null"], format: "date-time" }, endsAt: { type: "string", format: "date-time" }, uploadedAt: { type: "string", format: "date-time" }, rows: { type: "integer" } } },
          created: { type: "string", format: "date-time" },
          lights: {
            type: "object",
            properties: {
              overall: { type: "string", enum: ["green", "amber", "red", "gray"] },
              performance: { type: "string", enum: ["green", "amber", "red", "gray"] },
              drift: { type: "string", enum: ["green", "amber", "red", "gray"] },
              fairness: { type: "string", enum: ["green", "amber", "red", "gray"] },
              dataQuality: { type: ["string", "null"], enum: ["green", "amber", "red", "gray", null] },
            },
          },
          superseded: { type: "boolean" },
          schemaVersion: { type: "integer" },
          href: { type: "string", description: "Path of the full snapshot." },
        },
      },
      VersionReview: {
        type: "object",
        required: ["modelId", "version", "status", "evidenceHash", "reviews"],
        properties: {
          modelId: { type: "string" },
          version: { type: "integer" },
          versionId: { type: "string" },
          status: { type: "string", enum: ["draft", "in_review", "approved", "changes_requested", "rejected", "live", "retired"], description: "The stored state." },
          effectiveStatus: { type: "string", description: "The state once changed evidence is counted: an approval on earlier evidence no longer counts, so an approved version reads in_review." },
          evidenceHash: { type: "string", description: "sha256 of the RFC 8785 canonical JSON of the model file's sha256, each evidence data file's sha256, each evidence snapshot's content hash and the policy version's id and content hash (README)." },
          evidenceChanged: { type: "boolean" },
          liveWithoutReview: { type: "boolean", description: "Live from before reviews existed, with no review." },
          approvalsRequired: { type: "integer" },
          approvalsOnCurrentEvidence: { type: "integer" },
          reviews: {
            type: "array",
            items: {
              type: "object",
              properties: {
                reviewer: { type: "string" },
                decision: { type: "string", enum: ["approve", "request_changes", "reject"] },
                comment: { type: "string" },
                checklist: { type: "object", additionalProperties: { type: "string", enum: ["yes", "no", "not_applicable"] } },
                evidenceHash: { type: "string" },
                counts: { type: "boolean", description: "On the current submission and the current evidence." },
                createdAt: { type: "string", format: "date-time" },
              },
            },
          },
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
      post: {
        summary: "Create a model",
        description:
          "The same as Add a model in the app: owners and analysts, or a token with the `versions:manage` scope. The model gets its first policy (the defaults for its task) and a `model.created` audit event. Then upload a version, the reference data and production windows at the returned links.",
        operationId: "createModel",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ModelCreate" } } } },
        responses: {
          "201": {
            description: "Created. `Location` is the model's API path.",
            headers: { Location: { schema: { type: "string" }, description: "/api/v1/models/{modelId}" } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/ModelWithLinks" } } },
          },
          "400": {
            description: "The body is not a JSON object, has an unknown parameter, or a parameter is missing or wrong. The message names each parameter; `details.parameter` is the first, `details.problems` lists them all.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          "401": errors["401"],
          "403": errors["403"],
          "409": { description: "A model of that name exists already in the workspace.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "413": { description: "The body is over 64 KB.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}": {
      get: {
        summary: "One model, with its links",
        operationId: "getModel",
        parameters: [{ name: "modelId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The model.", content: { "application/json": { schema: { $ref: "#/components/schemas/ModelWithLinks" } } } },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
        },
      },
    },
    "/models/{modelId}/versions": {
      post: {
        summary: "Upload a model version (.onnx)",
        description:
          "The .onnx file's bytes are the request body. Sightline reads the model's inputs and outputs and runs it on one test row before accepting it; a model it cannot run is refused with the reason and what to do.",
        operationId: "uploadVersion",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "file", in: "query", required: true, schema: { type: "string" }, description: "File name, e.g. model.onnx" },
          { name: "note", in: "query", schema: { type: "string" } },
          { name: "featureNames", in: "query", schema: { type: "string" }, description: "Comma-separated column order for an [N, F] input without feature_names metadata." },
          {
            name: "inputMapping",
            in: "query",
            schema: { type: "string" },
            description:
              'JSON: which data columns feed each model input. Per input name, a list of columns in order (an [N, F] input) or one column (an input that takes one value per row), e.g. {"numbers": ["age", "income"], "region": "region"}. Inputs left out are proposed from the model\'s feature_names metadata, featureNames and the input names. A wrong count is refused with 422 before the model runs ("the model\'s input \'numbers\' needs 2 values per row; the mapping gives 3"), and nothing is stored. The stored mapping is in the answer and under /models/{modelId}/versions/{version}/inputs.',
          },
          {
            name: "processing",
            in: "query",
            schema: { type: "string" },
            description:
              'JSON of the shape of the Processing schema (URL-encoded): the version\'s declared processing, stored with it and checked before the model is accepted; the same as PUT /models/{modelId}/versions/{version}/processing afterwards. A yes/no model whose score lies outside 0 to 1 is refused (422, score_out_of_range) unless it says what the score is, in one of two ways. {"transform":{"kind":"sigmoid"}}: the raw score (log-odds) becomes a chance, 1 / (1 + e^-x), and everything is judged as for a model giving chances. {"meaning":{"kind":"raw_score","threshold":T}}: the score is kept as it is; a score of T or more is a yes (T replaces the policy\'s threshold for this version, on the what-if page and in the scored rows too, where the score column is model_score instead of model_probability_<yes>); ROC AUC reads the scores\' order; the Brier score, log loss and the calibration chart, which need a chance, are left out.',
          },
        ],
        requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
        responses: {
          "201": {
            description: "Accepted as the model's next version (status draft).",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    version: { type: "integer" },
                    changes: { type: "array", items: { type: "string" } },
                    requiredColumns: { type: "array", items: { type: "string" } },
                    inputMapping: { $ref: "#/components/schemas/InputMapping" },
                  },
                },
              },
            },
          },
          "400": { description: "The inputMapping or processing parameter is not JSON of the right shape.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
          "413": { description: "The file is over the upload limit.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "422": {
            description:
              "The model cannot be run, or is not a predictor Sightline can judge; the message says why and what to do. Codes include feature_names_mismatch (the mapping does not fit the model's inputs), not_a_prediction (many values per row with no declared meaning, or classes nobody named: refused under every task) and score_out_of_range (a yes/no score outside 0 to 1). Nothing is stored.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
    },
    "/models/{modelId}/versions/{version}/inputs": {
      get: {
        summary: "Read which data columns feed each model input of a version",
        operationId: "getVersionInputs",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": { description: "One row per model input: its kind, values per row, and columns; whether it may still change.", content: { "application/json": { schema: { type: "object" } } } },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
      put: {
        summary: "Change which data columns feed each model input",
        description:
          "Owners and analysts (tokens with the versions:manage scope), until the version is submitted for review. The mapping is checked against the model's inputs and by one test row, recorded in the audit log, and the stored data is scored again through it.",
        operationId: "putVersionInputs",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/InputMapping" } } } },
        responses: {
          "200": { description: "Stored; the job scoring the stored data again, when there is data.", content: { "application/json": { schema: { type: "object", properties: { versionId: { type: "string" }, inputMapping: { $ref: "#/components/schemas/InputMapping" }, requiredColumns: { type: "array", items: { type: "string" } }, jobId: { type: "string", nullable: true } } } } } },
          "400": { description: "The body is not JSON.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
          "409": { description: "The version was submitted for review: its mapping is fixed.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "422": { description: "The mapping does not fit the model's inputs (a wrong count, an unknown input, a column twice) or the model fails with it; nothing is stored.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}/versions/{version}/processing": {
      get: {
        summary: "Read a version's declared processing, and its steps in plain words",
        operationId: "getVersionProcessing",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": { description: "The stored processing, one sentence per step, and whether it may still change.", content: { "application/json": { schema: { type: "object", properties: { processing: { $ref: "#/components/schemas/Processing" }, sentences: { type: "array", items: { type: "string" } }, editable: { type: "boolean" }, lockedReason: { type: "string", nullable: true } } } } } },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
      put: {
        summary: "Declare how a version's data is processed before and after the model",
        description:
          "Owners and analysts (tokens with the versions:manage scope), until the version is submitted for review. Replaces the whole declaration. A yes/no model whose score lies outside 0 to 1 is admitted with {\"transform\":{\"kind\":\"sigmoid\"}} (the score becomes a chance) or with {\"meaning\":{\"kind\":\"raw_score\",\"threshold\":T}} (a yes at T or more instead of the policy's threshold; no Brier score, log loss or calibration); see the Processing schema. Formulas are parsed and checked at once: a formula that does not parse, calls an unknown function or reads a column the reference data (or the model) does not have is refused with 422 naming the formula and the problem. The change is recorded in the audit log, is part of the snapshots' input hash, and the stored data is scored again through it.",
        operationId: "putVersionProcessing",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Processing" } } } },
        responses: {
          "200": { description: "Stored; the job scoring the stored data again, when there is data.", content: { "application/json": { schema: { type: "object", properties: { versionId: { type: "string" }, processing: { $ref: "#/components/schemas/Processing" }, sentences: { type: "array", items: { type: "string" } }, jobId: { type: "string", nullable: true } } } } } },
          "400": { description: "The body is not JSON.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
          "409": { description: "The version was submitted for review: its processing is fixed.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "422": { description: "A formula, column, scaler, transform or meaning does not fit; the message names it. Nothing is stored.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}/data": {
      post: {
        summary: "Push reference data or a production window (CSV, Parquet or JSON rows)",
        description:
          "The file's bytes are the request body. The file is checked at once: a bad file is refused with a 4xx naming the file, row, column, problem and fix, and nothing is stored. An accepted file starts one job that stores, scores (when the file has no predictions) and evaluates it; follow it at the Location header.",
        operationId: "pushData",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "kind", in: "query", required: true, schema: { type: "string", enum: ["reference", "production"] } },
          { name: "file", in: "query", required: true, schema: { type: "string" }, description: "File name; .csv, .tsv, .parquet or .json" },
          { name: "splitBy", in: "query", schema: { type: "string", enum: ["none", "day", "week", "month"], default: "none" }, description: "Split by the timestamp column into UTC days, ISO weeks (Monday first) or months." },
          { name: "label", in: "query", schema: { type: "string" }, description: 'Column with the true outcome (detected when omitted; "none" for no column).' },
          { name: "id", in: "query", schema: { type: "string" }, description: 'Row id column, used to match late labels (detected when omitted; "none" for no column).' },
          { name: "timestamp", in: "query", schema: { type: "string" }, description: 'Date column (detected when omitted; "none" for no column).' },
          { name: "prediction", in: "query", schema: { type: "string" }, description: 'Column with the model\'s predictions, when the file has them ("none" for no column).' },
          { name: "score", in: "query", schema: { type: "string" }, description: "Column with the model's score, when the file already has predictions." },
          { name: "header", in: "query", schema: { type: "string", enum: ["first", "none"], default: "first" }, description: 'Whether the first row names the columns ("first") or is already data ("none": columns are named column_1, column_2, ...). CSV only.' },
        ],
        requestBody: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/vnd.apache.parquet": { schema: { type: "string", format: "binary" } },
            "application/json": { schema: { type: "array", items: { type: "object" } } },
          },
        },
        responses: {
          "202": { description: "Accepted; the job is queued.", content: { "application/json": { schema: { $ref: "#/components/schemas/Accepted" } } } },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
          "409": { description: "Something must come first (a model version, the reference data).", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "413": { description: "Over a size limit.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "415": { description: "A format Sightline cannot read.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "422": { description: "The file's content is wrong; the message names the row and column.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}/labels": {
      post: {
        summary: "Push labels that arrived later",
        description: "A file with a row id column and the true outcome. Rows are matched by id; the windows they belong to are evaluated again (new snapshots).",
        operationId: "pushLabels",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "file", in: "query", required: true, schema: { type: "string" } },
          { name: "id", in: "query", schema: { type: "string" }, description: "Id column of the file (default: the data's id column)." },
          { name: "label", in: "query", schema: { type: "string" }, description: "Outcome column of the file (default: the data's label column)." },
        ],
        requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
        responses: {
          "202": { description: "Accepted; the job is queued.", content: { "application/json": { schema: { type: "object", properties: { jobId: { type: "string" }, matchedRows: { type: "integer" }, windows: { type: "array", items: { type: "string" } }, unmatchedIds: { type: "integer" } } } } } },
          "401": errors["401"],
          "404": errors["404"],
          "422": { description: "No id matches, or the file is wrong.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}/snapshots": {
      get: {
        summary: "List snapshot summaries, newest first",
        description:
          "Newest first: the window with the latest end, then the latest upload, then the highest id (a window without dates ends at its upload time). Superseded snapshots are listed with `superseded: true`.",
        operationId: "listSnapshots",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "query", schema: { type: "integer", minimum: 1 }, description: "Only this model version." },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "before", in: "query", schema: { type: "string" }, description: "A snapshot id: the page starts after it." },
        ],
        responses: {
          "200": {
            description: "One page of summaries; `next` is the path of the next page, or null.",
            content: { "application/json": { schema: { type: "object", properties: { modelId: { type: "string" }, items: { type: "array", items: { $ref: "#/components/schemas/SnapshotSummary" } }, next: { type: ["string", "null"] } } } } },
          },
          "400": { description: "A parameter is wrong; the message names it.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
    },
    "/models/{modelId}/snapshots/{snapshotId}": {
      get: {
        summary: "Read one snapshot in full",
        operationId: "getSnapshot",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "snapshotId", in: "path", required: true, schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "The snapshot.", content: { "application/json": { schema: { $ref: "#/components/schemas/Snapshot" } } } },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
    },
    "/models/{modelId}/snapshots/latest": {
      get: {
        summary: "Read the latest snapshot and its verdict",
        description:
          "The latest production window (latest end, then latest upload, then highest id) of the live (or newest) version; superseded snapshots are never returned. `verdict` is green, amber, red or gray (not enough data).",
        operationId: "latestSnapshot",
        parameters: [{ name: "modelId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The snapshot.", content: { "application/json": { schema: { $ref: "#/components/schemas/Snapshot" } } } },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
    },
    "/models/{modelId}/live": {
      get: {
        summary: "Which version was live at a time",
        description: "The version that was live at `at` (default: now), since when, until when, who approved it and the evidence hash it was made live on.",
        operationId: "liveVersionAt",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "at", in: "query", schema: { type: "string", format: "date-time" }, description: "ISO 8601 time (e.g. 2026-07-31T12:00:00Z) or a date (its start, UTC)." },
        ],
        responses: {
          "200": {
            description: "The live version at that time.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    modelId: { type: "string" },
                    at: { type: "string", format: "date-time" },
                    version: { type: "integer" },
                    versionId: { type: "string" },
                    since: { type: "string", format: "date-time" },
                    until: { type: ["string", "null"], format: "date-time" },
                    how: { type: "string", enum: ["make_live", "rollback", "without_review"] },
                    approvedBy: { type: "array", items: { type: "string" } },
                    evidenceHash: { type: ["string", "null"] },
                    withoutReview: { type: "boolean" },
                  },
                },
              },
            },
          },
          "400": { description: "`at` is not an ISO 8601 time.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": errors["401"],
          "404": { description: "No such model in your workspace, or no version was live then (code `none_live`).", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}/versions/{version}": {
      get: {
        summary: "Read a version's review state",
        operationId: "getVersion",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": { description: "Status, reviews and evidence hash.", content: { "application/json": { schema: { $ref: "#/components/schemas/VersionReview" } } } },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
    },
    "/models/{modelId}/versions/{version}/model": {
      get: {
        summary: "Download a version's ONNX file",
        description: "The model file as uploaded, for the what-if page and for pipelines. Its sha256 is the ETag; the file never changes, so it may be cached for good.",
        operationId: "getVersionModel",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": { description: "The ONNX file.", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          "304": { description: "Not modified (If-None-Match matched the sha256)." },
          "401": errors["401"],
          "404": errors["404"],
        },
      },
    },
    "/models/{modelId}/versions/{version}/submit": {
      post: {
        summary: "Submit a draft version for review",
        description: "Needs a token with the `versions:manage` scope whose creator is an analyst or an owner; the step is recorded as the creator's, \"via token NAME\". Reviews and making a version live are done by people in the app.",
        operationId: "submitVersion",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        requestBody: { required: false, content: { "application/json": { schema: { type: "object", properties: { comment: { type: "string", maxLength: 2000 } } } } } },
        responses: {
          "200": { description: "Submitted; the version's review state.", content: { "application/json": { schema: { $ref: "#/components/schemas/VersionReview" } } } },
          "400": { description: "The body is not valid JSON.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
          "409": { description: "The version is not a draft; the message says why and what to do (code `rule`).", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}/versions/{version}/accepted-risks": {
      get: {
        summary: "The red and amber checks of a version's latest result, and its accepted risks",
        operationId: "listAcceptedRisks",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        responses: { "200": { description: "`checks` (kind, key, light, any open acceptance) and `acceptedRisks` (each with its state: pending, holds or ended, and why)." }, "401": errors["401"], "404": errors["404"] },
      },
      post: {
        summary: "Accept the risk of one red or amber check (owners, signed in)",
        description:
          "A reviewer must then confirm it. `expiresAt` is a date (the acceptance holds until the end of that day, UTC, as in the app's form) or an ISO 8601 time with its offset (it holds until that moment); at most 180 days ahead. API tokens cannot accept risks.",
        operationId: "proposeAcceptedRisk",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["checkKind", "checkKey", "reason", "expiresAt"],
                properties: {
                  checkKind: { type: "string", enum: ["metric", "drift_column", "fairness_comparison"] },
                  checkKey: { type: "string", description: "The metric's name, the column, or COLUMN=GROUP." },
                  reason: { type: "string", minLength: 10, maxLength: 1000 },
                  expiresAt: { type: "string", description: "2027-01-31 (end of that day, UTC) or 2027-01-31T12:00:00Z." },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "Proposed; the acceptance, pending until a reviewer confirms it." },
          "400": { description: "A field is missing or not valid.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
          "409": { description: "The check is not red or amber now, already has an acceptance, or the end is not allowed (code `rule`).", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/models/{modelId}/versions/{version}/accepted-risks/{acceptedRiskId}/confirm": {
      post: {
        summary: "Confirm a proposed accepted risk (reviewers, or an owner who did not propose it; signed in)",
        operationId: "confirmAcceptedRisk",
        parameters: [
          { name: "modelId", in: "path", required: true, schema: { type: "string" } },
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
          { name: "acceptedRiskId", in: "path", required: true, schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "Confirmed; the acceptance, which now holds." },
          "401": errors["401"],
          "403": errors["403"],
          "404": errors["404"],
          "409": { description: "Already confirmed, ended, or proposed by the caller (code `rule`).", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/jobs/{jobId}/cancel": {
      post: {
        summary: "Cancel a queued or running job (nothing it did is kept)",
        operationId: "cancelJob",
        parameters: [{ name: "jobId", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "The job.", content: { "application/json": { schema: { $ref: "#/components/schemas/Job" } } } }, "401": errors["401"], "404": errors["404"] },
      },
    },
    "/jobs/{jobId}/retry": {
      post: {
        summary: "Run a failed or cancelled job again",
        operationId: "retryJob",
        parameters: [{ name: "jobId", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "The job.", content: { "application/json": { schema: { $ref: "#/components/schemas/Job" } } } }, "401": errors["401"], "404": errors["404"] },
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
