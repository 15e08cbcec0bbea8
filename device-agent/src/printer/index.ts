export * from './printer-error';
export * from './printer-status';
export * from './receipt-printer';
