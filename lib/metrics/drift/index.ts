export { ks2samp, ks2sampSorted, type Ks2SampOptions, type Ks2SampResult, type KsMode } from "./ks-2samp";
export { chisquare, entropy, jensenshannon, wassersteinDistance, type ChiSquareResult, type WassersteinOptions } from "./statistics";
export {
  ksStatTest,
  chiSquareStatTest,
  zStatTest,
  psiStatTest,
  klDivStatTest,
  jensenShannonStatTest,
  wassersteinStatTest,
  hellingerStatTest,
  type StatTestOptions,
} from "./tests-api";
export { DEFAULT_THRESHOLDS, STATTEST_NAMES, type StatTestMethod, type StatTestResult } from "./stat-tests";
export { defaultStatTest, type ColumnType } from "./default-test";
export { columnDrift, datasetDrift, type ColumnDriftOptions, type ColumnDriftResult, type DatasetDriftResult } from "./column-drift";
export { driftReport, prepareReference, type DriftReport, type DriftReportOptions, type ReferenceProfile, type WindowColumn } from "./drift-report";
export {
  prepareSample,
  prepareNumeric,
  prepareCategorical,
  type CategoricalCodes,
  type DriftInput,
  type PreparedSample,
  type NumericSample,
  type CategoricalSample,
} from "./sample";
export { binnedShares, sturgesEdges, type BinnedShares } from "./binning";
