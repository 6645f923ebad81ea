// The input mapping (lib/onnx/input-mapping.ts): the slots a model offers, the proposed mapping, the count check that
// runs before the runtime, and a two-input model scored through a mapping, checked against numbers computed here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columnOrderFromText, InputMappingSchema } from "@/lib/contracts/input-mapping";
import { inspectModel, mappingProblems, prepareModel, prepareOptionsFromMapping, proposeInputMapping, readInputSlots } from "@/lib/onnx";
import { scoreTable } from "@/lib/onnx/session-node";
import { mappingCountWords } from "@/lib/narrative/input-mapping-words";
import { INPUT_MAPPING_FILES, twoInputsModel, twoInputsPrediction } from "../../fixtures/onnx/input-mapping-fixtures";
import { FIXTURES, readBytes } from "./helpers";

const twoInputs = readBytes(join(FIXTURES, "two-inputs.onnx"));

describe("the committed fixtures", () => {
  it.each(INPUT_MAPPING_FILES.map((f) => [f.file, f] as const))("%s is what its builder writes", (file, fixture) => {
    expect(Buffer.from(readBytes(join(FIXTURES, file))).equals(Buffer.from(fixture.bytes()))).toBe(true);
  });
});

describe("input slots", () => {
  it("reads an [N, 2] input and an [N, 1] input", () => {
    expect(readInputSlots(twoInputs).slots).toEqual([
      { input: "numbers", kind: "columns", width: 2, typeText: "tensor(float)[N, 2]" },
      { input: "tenure", kind: "column", width: 1, typeText: "tensor(float)[N, 1]" },
    ]);
  });

  it("reads the width of an input that does not declare it from the weights that use it", () => {
    const { slots } = readInputSlots(twoInputsModel({ undeclaredWidth: true }));
    expect(slots[0]).toMatchObject({ input: "numbers", kind: "columns", width: 2 });
  });
});

describe("the proposed mapping", () => {
  const signature = inspectModel(twoInputs);
  const { slots } = readInputSlots(twoInputs);

  it("maps a one-column input to the column of its name and leaves an unnamed [N, F] input unmapped", () => {
    const proposal = proposeInputMapping(signature, slots);
    expect(proposal.mapping).toEqual({ tenure: "tenure" });
    expect(proposal.unmapped.map((s) => s.input)).toEqual(["numbers"]);
    expect(mappingProblems(slots, proposal.mapping)).toEqual([{ kind: "unmapped", input: "numbers", width: 2 }]);
  });

  it("takes a single featureNames list for the only several-column input, and a given mapping over everything", () => {
    expect(proposeInputMapping(signature, slots, { featureNames: ["age", "income"] }).mapping).toEqual({ numbers: ["age", "income"], tenure: "tenure" });
    const given = proposeInputMapping(signature, slots, { featureNames: ["age", "income"], given: { numbers: ["income", "age"], tenure: ["years"] } });
    expect(given.mapping).toEqual({ numbers: ["income", "age"], tenure: "years" });
    expect(given.sources).toEqual({ numbers: "given", tenure: "given" });
  });

  it("reads feature_names metadata for a one-input model", () => {
    const bytes = readBytes(join(FIXTURES, "linear-zipmap-strings.onnx"));
    const read = readInputSlots(bytes);
    expect(proposeInputMapping(read.signature, read.slots)).toMatchObject({ mapping: { features: ["a", "b", "c"] }, sources: { features: "metadata" } });
  });
});

describe("the count check, before the runtime", () => {
  const { slots } = readInputSlots(twoInputs);

  it("finds a wrong count, an unknown input and a column named twice", () => {
    expect(mappingProblems(slots, { numbers: ["age", "income", "tenure"], tenure: "tenure" })).toEqual([{ kind: "count", input: "numbers", needs: 2, gives: 3 }]);
    expect(mappingProblems(slots, { numbers: ["age", "income"], tenure: ["a", "b"] })).toEqual([{ kind: "count", input: "tenure", needs: 1, gives: 2 }]);
    expect(mappingProblems(slots, { numbers: ["age", "age"], tenure: "tenure", extra: "x" })).toEqual([
      { kind: "unknown-input", input: "extra", inputs: ["numbers", "tenure"] },
      { kind: "repeated", input: "numbers", column: "age" },
    ]);
    expect(mappingProblems(slots, { numbers: ["age", "income"], tenure: "tenure" })).toEqual([]);
  });

  it("says it in plain words, in the words of the surface", () => {
    const problem = { input: "numbers", needs: 2, gives: 3 };
    expect(mappingCountWords(problem, "api")).toBe(
      "The model's input 'numbers' needs 2 values per row; the mapping gives 3. Fix the list for 'numbers' in the inputMapping parameter. List 2 columns, in the order the model was trained on.",
    );
    expect(mappingCountWords(problem, "form")).toContain("in the Column order field");
    expect(mappingCountWords(problem, "page")).toContain("Fix the field for 'numbers' below.");
  });
});

describe("the upload form's Column order field and the API's JSON", () => {
  it("reads one list, or one line per input (names with colons too)", () => {
    expect(columnOrderFromText(" age, income ")).toEqual({ featureNames: ["age", "income"] });
    expect(columnOrderFromText("numbers: age, income\ntenure: years")).toEqual({ inputMapping: { numbers: ["age", "income"], tenure: ["years"] } });
    expect(columnOrderFromText("input_1:0: a, b")).toEqual({ inputMapping: { "input_1:0": ["a", "b"] } });
    expect(columnOrderFromText("  \n ")).toEqual({});
  });

  it("accepts a list or one column per input, and refuses empty names and empty mappings", () => {
    expect(InputMappingSchema.safeParse({ numbers: ["a", "b"], tenure: "t" }).success).toBe(true);
    expect(InputMappingSchema.safeParse({ numbers: [] }).success).toBe(false);
    expect(InputMappingSchema.safeParse({ numbers: ["a", " "] }).success).toBe(false);
    expect(InputMappingSchema.safeParse({}).success).toBe(false);
    expect(InputMappingSchema.safeParse(["a"]).success).toBe(false);
  });
});

describe("a two-input model scored through a mapping", () => {
  const csv = readFileSync(join(FIXTURES, "two-inputs.csv"), "utf8").trim().split("\n");
  const header = csv[0]!.split(",");
  const rows = csv.slice(1).map((line) => line.split(","));
  const column = (name: string) => Float64Array.from(rows, (r) => Number(r[header.indexOf(name)]));
  const columns = new Map([
    ["age", column("age")],
    ["income", column("income")],
    ["tenure", column("tenure")],
  ]);

  it.each([
    ["age, income", ["age", "income"] as const],
    ["income, age", ["income", "age"] as const],
  ])("gives the numbers computed by hand with numbers = %s", async (_label, order) => {
    const prepared = prepareModel(twoInputs, { task: "regression", ...prepareOptionsFromMapping({ numbers: [...order], tenure: "tenure" }) });
    expect(prepared.plan.requiredColumns).toEqual([...order, "tenure"]);
    const scored = await scoreTable(prepared, columns);
    const a = columns.get(order[0])!;
    const b = columns.get(order[1])!;
    const t = columns.get("tenure")!;
    for (let i = 0; i < rows.length; i++) expect(scored.prediction?.[i]).toBe(twoInputsPrediction([a[i]!, b[i]!], t[i]!));
    // Row 1 by hand: 0.5 * 25 - 0.25 * 40 + 2 * 1 + 1 = 5.5 with numbers = age, income.
    if (order[0] === "age") expect(scored.prediction?.[0]).toBe(5.5);
  });
});
