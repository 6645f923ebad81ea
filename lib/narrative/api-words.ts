// What the REST API says about a request body it refuses, in the API's own terms: each sentence names the parameter.

/** Parameters of `POST /api/v1/models`. */
export const CREATE_MODEL_PARAMETERS = ["name", "purpose", "task", "positiveLabel", "sensitiveAttributes", "fairnessQuestion", "rowNoun"] as const;

export const API_MODEL_WORDS = {
  name: "`name` is needed: the model's name, 2 to 80 characters.",
  purpose: "`purpose` is needed: one short sentence, 10 to 300 characters long, that says what the model does.",
  task: 'Set `task` to one of three words. Use "binary" for a yes or no. Use "multiclass" for one of a few groups. Use "regression" for a number.',
  positiveLabel: 'A "binary" model needs `positiveLabel`. It is the answer that counts as yes, such as ">50K" or "1".',
  positiveLabelText: "`positiveLabel` must be a word or a number. Keep it to 100 characters or less.",
  sensitiveAttributes: 'Send `sensitiveAttributes` as a list of column names, such as ["sex", "age_band"]. Keep each name to 100 characters or less.',
  fairnessQuestion: 'Set `fairnessQuestion` to "help", "burden" or "equal". Does a yes help the person, or is it a burden? Or should each group get it just as often?',
  rowNoun: 'Keep `rowNoun` to 40 characters or less. It says what one row is, such as "applicants".',
  notJson: "Send the body as one JSON object. It needs at least `name`, `purpose` and `task`.",
  tooLarge: "The body is too large. A model's description takes a few hundred bytes. Send at most 64 KB.",
  unknown: (names: readonly string[]) =>
    `Sightline does not know ${names.map((n) => `\`${n}\``).join(", ")}. Check the spelling: the fields are in the API guide at /api/v1/openapi.json.`,
} as const;
