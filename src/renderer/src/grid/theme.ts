/** The look every grid of the app shares, and what each column does by default. */
import { themeQuartz } from 'ag-grid-community'

export const gridTheme = themeQuartz.withParams({
  accentColor: '#1f6f43',
  fontFamily: ['Segoe UI', 'Roboto', 'Arial', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef3f0',
  rowHeight: 32,
  headerHeight: 36,
  cellHorizontalPadding: 10,
  wrapperBorderRadius: 4
})

/**
 * Each column filters from a box under its header (the header itself keeps its
 * width for the Vietnamese title, wrapped onto two lines when long).
 */
export const DEFAULT_COL = {
  sortable: true,
  resizable: true,
  filter: true,
  floatingFilter: true,
  suppressHeaderFilterButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true
}
