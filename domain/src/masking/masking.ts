/**
 * Masking rules for anything shown or printed outside the server. An ID number keeps its first
 * 3 and last 4 characters (never the birth date); a name keeps the surname only.
 */

/** Two-character surnames, so that 欧阳明月 becomes 欧阳** rather than 欧***. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史',
  '申屠', '闻人', '赫连', '钟离', '濮阳', '万俟', '司空', '拓跋', '第五', '东郭', '左丘', '谷梁',
]);

export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim();
  if (id.length <= 7) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** Surname only: 张三 → 张*, 欧阳明月 → 欧阳**, "SMITH JOHN" → "SMITH ****". */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  if (/^[\p{Script=Han}·]+$/u.test(trimmed)) {
    const chars = Array.from(trimmed);
    const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    return chars.slice(0, surnameLength).join('') + '*'.repeat(Math.max(1, chars.length - surnameLength));
  }
  // Latin names on foreign permanent resident cards are printed surname first.
  const [surname, ...rest] = trimmed.split(/[\s,]+/);
  return rest.length === 0 ? `${surname}` : `${surname} ${'*'.repeat(4)}`;
}

/** Mainland mobile number: 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length < 7) return '*'.repeat(p.length);
  return p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4);
}

/**
 * An address a senior can still recognise (district and road) without giving away the door:
 * every digit becomes *.
 */
export function maskAddress(address: string): string {
  return address.replace(/[0-9０-９]/g, '*');
}
