/**
 * Settlement bank cards (UnionPay debit cards): 16–19 digits whose last digit is the Luhn check
 * digit. The kiosk checks while the senior types; the server checks again.
 */
export function isValidBankCardNo(cardNo: string): boolean {
  if (!/^\d{16,19}$/.test(cardNo)) return false;
  let sum = 0;
  for (let i = 0; i < cardNo.length; i++) {
    let digit = cardNo.charCodeAt(cardNo.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Only the last four digits are shown: 6222 **** **** 1234 becomes ****1234. */
export function maskBankCardNo(cardNo: string): string {
  return `****${cardNo.slice(-4)}`;
}
