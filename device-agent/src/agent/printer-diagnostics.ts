/** One printer on the technician page: the contract's TechPrinter (domain/src/contracts/agent-tech-api.ts). */
export { TechPrinterSchema as PrinterDiagnosticsSchema, type TechPrinter as PrinterDiagnostics } from '@eldercare/domain';
