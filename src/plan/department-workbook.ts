/**
 * The department-workbook format in one place: what split writes into a department's workbook
 * and compile reads back — the hidden manifest and its signature, the row keys and input fields,
 * the fingerprints of locked cells, and the shared-indicator breakdown (内訳: contribution rows,
 * their store and the ◆ lines of the 増減理由). compile and the verdict import it from here only.
 */
export { masterYear, SplitError, viewMaster, type MasterView } from './split';
export { DEPARTMENT_KIND, FIELDS, manifestRows, readManifest, type InputCell, type Manifest, type ManifestRead } from './split/manifest';
export {
  authenticate,
  newSecret,
  protectionPassword,
  SECRET_ENTRY,
  secretOf,
  signManifestRows,
  signSplit,
  verifySignature,
} from './split/signature';
export { FIELD_LABELS, type Field, type PlanRow } from './split/rows';
export { canonCell, canonValue, cellHash, decodeRowHashes, EMPTY_HASH, rowSignature } from './split/fingerprint';
export { CONTRIBUTION_SHEET, contributionKey, parseContributionKey, reyear } from './split/department';
// The breakdown (内訳) of a shared indicator.
export { breakdownLine, composeReason, narrativeOf, parseBreakdown, sumOf, type Contribution } from './split/contributions';
export { currentContributions } from './split/slots';
export { readStore, storeId, storeSheet, STORE_SHEET, type StoredContribution } from './split/store';
