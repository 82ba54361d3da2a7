/**
 * The department-workbook format in one place: what split writes into a department's workbook
 * and compile reads back — the hidden manifest and its signature, the row keys and input fields,
 * the fingerprints of locked cells, and the 内訳 of shared indicators (src/plan/contribution:
 * contribution rows, the master's contribution ledger and the ◆ lines of the 増減理由). compile and the verdict import it from here only.
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
export { reyear } from './split/department';
// The 内訳 of a shared indicator: its two sheets, the ◆ lines of the 増減理由, the master's ledger.
export { DEPARTMENT_CONTRIBUTION_SHEET, MASTER_CONTRIBUTION_SHEET } from './contribution/sheets';
export { parseContributionKey } from './keys';
export {
  composeReason,
  contributionLine,
  narrativeOf,
  parseContributionLines,
  sumOf,
  type Contribution,
} from './contribution/reason-lines';
export { currentContributions } from './contribution/slots';
export { contributionLedgerSheet, ledgerId, readContributionLedger, type LedgerContribution } from './contribution/ledger';
