/** One colour per kind of mark, shared by the charts and their legend (so the legend matches). */
export const CHART_COLOURS = {
  line: '#0f6cbd',
  baseline: '#616161',
  midterm: '#8a3707',
  target: '#0e700e',
  axis: '#8a8886',
  grid: '#e0e0e0',
  text: '#424242',
};
