export { ScannerDevice, type KeyboardProtocol, type ScannerDeviceOptions, type ScannerEvent, type ScannerMode } from './scanner-device';
export { ScannerConfigError, createScannerTransport } from './create-scanner-transport';
export { ScanFramer, MAX_SCAN_BYTES, type ScanFramerOptions } from './scan-framer';
export { KeyboardScanAssembler, type KeyboardScanAssemblerOptions } from './keyboard-scan-assembler';
export { EvdevKeyDecoder } from './evdev-key-decoder';
export { BootKeyboardDecoder, BOOT_REPORT_SIZE } from './boot-keyboard-decoder';
export { decodeScanBytes } from './decode-scan-bytes';
export * from './input-event';
export { US_KEYS, keyForChar, type KeyDefinition, type KeyStroke } from './us-keyboard-layout';
