/** Mainland China mobile numbers: 11 digits starting 13–19 (no country code, no separators). */
const MOBILE = /^1[3-9]\d{9}$/;

export function isMainlandMobileNumber(value: string): boolean {
  return MOBILE.test(value);
}
