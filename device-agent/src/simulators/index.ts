export { ReaderSimulator, UnknownDemoCardError, type ReaderSimulatorOptions, type SimulatedExchange } from './reader-simulator';
export { ReaderFaultSchema, type ReaderFault } from './reader-fault';
export {
  PrinterFaultSchema,
  PrinterSimulator,
  type PaperState,
  type PrinterFault,
  type PrinterSimulatorOptions,
  type SimulatedPrintJob,
  type TcpListener,
} from './printer-simulator';
export { ScannerSimulator, encodeBootKeyboardScan, encodeKeyboardScan, type ScanTerminator, type ScanWriteOptions, type ScannerSimulatorOptions } from './scanner-simulator';
export * from './control';
