/**
 * The app itself: AG Grid's modules, React and the screens, loaded by main.tsx
 * once it has sent the first questions to the core.
 */
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  ExternalFilterModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  PinnedRowModule,
  RowApiModule,
  RowStyleModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule
} from 'ag-grid-community'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  TextEditorModule,
  SelectEditorModule,
  // The commune editor (grid/CommuneEditor.ts).
  CustomEditorModule,
  TextFilterModule,
  NumberFilterModule,
  ExternalFilterModule,
  // The register's empty row at the bottom, for typing a new record.
  PinnedRowModule,
  ColumnApiModule,
  RowApiModule,
  EventApiModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  LocaleModule
])

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
