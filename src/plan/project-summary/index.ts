export * from './summarize';
export { SDGS_GOALS, SUMMARY_SHEET, categoryOrder, summarySheet } from './sheet';
