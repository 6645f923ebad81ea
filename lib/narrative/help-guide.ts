// The help page's "Bring your model" guide: how to save a model as ONNX from the usual tools, and what the data file
// needs. Short sentences; the code blocks are what a reader copies. Pure.
// The facts follow lib/onnx (inputs, outputs, limits) and lib/ingest (formats, columns, limits); keep them in step.

export interface GuideSection {
  id: string;
  title: string;
  paragraphs: string[];
  /** a list under the paragraphs */
  points?: string[];
  code?: { label: string; text: string };
}

const SKLEARN = `# pip install skl2onnx
from skl2onnx import to_onnx

# pipeline: your fitted scikit-learn Pipeline (encoders included)
# X_train: the pandas DataFrame it learned from
onx = to_onnx(pipeline, X_train[:1], target_opset=17)
with open("model.onnx", "wb") as f:
    f.write(onx.SerializeToString())`;

const XGBOOST = `# pip install onnxmltools xgboost
from onnxmltools import convert_xgboost
from onnxmltools.convert.common.data_types import FloatTensorType

columns = list(X_train.columns)
model.fit(X_train.to_numpy(dtype="float32"), y_train)  # numbers only
onx = convert_xgboost(
    model,
    initial_types=[("input", FloatTensorType([None, len(columns)]))],
    target_opset=17,
)
meta = onx.metadata_props.add()  # tells Sightline the column order
meta.key, meta.value = "feature_names", ",".join(columns)
with open("model.onnx", "wb") as f:
    f.write(onx.SerializeToString())`;

const LIGHTGBM = `# pip install onnxmltools lightgbm
from onnxmltools import convert_lightgbm
from onnxmltools.convert.common.data_types import FloatTensorType

columns = list(X_train.columns)
model.fit(X_train.to_numpy(dtype="float32"), y_train)  # numbers only
onx = convert_lightgbm(
    model,
    initial_types=[("input", FloatTensorType([None, len(columns)]))],
    target_opset=17,
)
meta = onx.metadata_props.add()  # tells Sightline the column order
meta.key, meta.value = "feature_names", ",".join(columns)
with open("model.onnx", "wb") as f:
    f.write(onx.SerializeToString())`;

const PYTORCH = `# pip install torch onnx
import onnx
import torch

model.eval()
example = torch.zeros(1, len(columns), dtype=torch.float32)
torch.onnx.export(
    model, (example,), "model.onnx",
    input_names=["input"], output_names=["probabilities"],
    dynamic_axes={"input": {0: "rows"}, "probabilities": {0: "rows"}},
    opset_version=17, external_data=False,
)
saved = onnx.load("model.onnx")
meta = saved.metadata_props.add()  # tells Sightline the column order
meta.key, meta.value = "feature_names", ",".join(columns)
onnx.save(saved, "model.onnx")`;

export const HELP_GUIDE_INTRO = [
  "Sightline reads models saved as ONNX. It is an open file format, and most tools can save to it.",
  "You need three things: the model file, the data it was checked on, and new data as it comes.",
];

export const HELP_GUIDE: GuideSection[] = [
  {
    id: "steps",
    title: "The steps",
    paragraphs: [],
    points: [
      "Add the model. Give it a name and say what it decides. Name the columns whose groups should be treated alike, such as sex or age band.",
      "Upload the model file (.onnx). Sightline reads its inputs and outputs. Then it tries the model on one row before it takes the file.",
      "Upload the reference data. These are the rows the model was checked on, with the true outcome of each row.",
      "Upload new data as it comes. Sightline checks each period against the reference data and sets the lights.",
    ],
  },
  {
    id: "scikit-learn",
    title: "From scikit-learn",
    paragraphs: [
      "Use skl2onnx. Save the whole pipeline, with its encoders, not only the last step.",
      "Pass a table with column names. Then the file takes one input per column, text or numbers, and Sightline matches them by name.",
    ],
    code: { label: "Python, scikit-learn", text: SKLEARN },
  },
  {
    id: "xgboost",
    title: "From XGBoost",
    paragraphs: [
      "Use onnxmltools. Its converter wants plain numbers, so train on a table of numbers and keep the list of column names.",
      "The file then takes one table of numbers. Store the column names in the file, as below, so Sightline knows their order.",
    ],
    code: { label: "Python, XGBoost", text: XGBOOST },
  },
  {
    id: "lightgbm",
    title: "From LightGBM",
    paragraphs: ["Use onnxmltools, as for XGBoost. Store the column names in the file, so Sightline knows their order."],
    code: { label: "Python, LightGBM", text: LIGHTGBM },
  },
  {
    id: "pytorch",
    title: "From PyTorch",
    paragraphs: [
      "Use torch.onnx.export with one example row. Let the number of rows vary, and keep the weights inside the file.",
      "A yes/no model may give one chance per row (the chance of yes) or one chance per class. Its classes are then called 0 and 1, so the answer that counts as yes must be 1.",
      "A model that guesses a number gives one number per row.",
    ],
    code: { label: "Python, PyTorch", text: PYTORCH },
  },
  {
    id: "model-file",
    title: "What the model file needs",
    paragraphs: ["Sightline refuses a file with a clear reason when one of these does not hold."],
    points: [
      "One file, with the weights inside it. The limit is 100 MB.",
      "At most 5,000 steps in the graph. Operator sets no newer than ai.onnx 23 and ai.onnx.ml 5.",
      "One input per column, named like the columns of your data. Or one table of numbers, with the column order stored as feature_names.",
      "If the file does not store the order, type the column names, in order, when you upload it.",
      "A classifier gives its classes, or the chance of each class. A ZipMap step at the end is fine: Sightline reads the table under it.",
    ],
  },
  {
    id: "data-file",
    title: "What the data file needs",
    paragraphs: ["The reference data and each batch of new data are files of rows with a header line of column names."],
    points: [
      "Formats: CSV (commas, semicolons, tabs or bars between values), Parquet (not compressed, or snappy, gzip, brotli, zstd or LZ4) or JSON rows. Save a spreadsheet as CSV first.",
      "Text in UTF-8 is best. A file saved by Excel on Windows is read too.",
      "One column for each input of the model, with the same names.",
      "The true outcome of each row, in a column such as label, target or outcome. The reference data must have it. New data may get it later.",
      "The group columns you named for fairness, such as sex or age band.",
      "A date column, if you want the data split into days, weeks or months. Dates without a time zone count as UTC.",
      "An id column, if outcomes will arrive later. Later outcomes come as a file of row ids and outcomes.",
      "The model's answers are optional. Without them, Sightline runs the model on each row.",
      "Empty cells, NA, NaN, null and ? count as missing.",
      "Limits: 200 MB, 5,000,000 rows, 500 columns and 1,000 characters in one cell. One upload may split into at most 120 periods.",
    ],
  },
  {
    id: "enough-rows",
    title: "How many rows are enough",
    paragraphs: [
      "A light needs enough rows to mean something. By default: 100 rows with a true outcome, and 10 of each outcome, to judge how good the model is.",
      "Each side needs 100 rows to judge a change in the data. Each group needs 30 rows to judge fairness.",
      "With fewer rows the light is grey and says so. An owner can change these numbers on the model's policy page.",
    ],
  },
];

/** The help page's own headings and leads. */
export const HELP_PAGE_WORDS = {
  title: "Help",
  lead: "What the words on these pages mean, and how to bring your own model.",
  contents: "On this page",
  glossaryTitle: "Words we use",
  glossaryLead: "Each term links here from the other pages. A short meaning comes first; the pages give the numbers.",
  guideTitle: "Bring your model",
} as const;
