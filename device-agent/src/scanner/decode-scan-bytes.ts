const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a serial scan. UTF-8 only, strictly: every format we accept is ASCII, so a GB18030
 * fallback could only change which rejection a Chinese-text code gets, while a lenient decode
 * could turn broken bytes into a different, valid-looking code. Invalid UTF-8 → undefined
 * (the driver reports SCAN_INVALID_ENCODING). A leading UTF-8 BOM is dropped.
 */
export function decodeScanBytes(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
