export * from './printer-error';
export * from './printer-status';
export * from './receipt-printer';
export * from './process-id';
export * from './printer-reply-reader';
export * from './test-page';
