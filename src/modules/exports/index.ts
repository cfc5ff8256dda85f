export {
  EXPORT_COLUMNS,
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  EXPORT_STALL_MS,
  ExportsService,
  MAX_CONCURRENT_EXPORTS,
  type ExportDataset,
  type ExportDownload,
  type ExportFile,
  type ExportFormat,
  type ExportsOptions,
} from './exports.service.js';
export { csvField, csvRecord, parseCsv, type Cell } from './csv.js';
export { exportsRoutes } from './exports.routes.js';
