export { ReaderSimulator, UnknownDemoCardError, type ReaderSimulatorOptions, type SimulatedExchange } from './reader-simulator';
export { PrinterSimulator, type PrinterSimulatorOptions, type SimulatedPrintJob, type TcpListener } from './printer-simulator';
