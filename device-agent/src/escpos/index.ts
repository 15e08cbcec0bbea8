export * from './escpos-error';
export * from './escpos-builder';
export * from './text-layout';
export * from './encode-receipt';
export * from './parse-escpos';
export * from './render-preview';
