import { idNumberCheckDigit, type IdCardData } from '@eldercare/domain';

/**
 * Fresh, valid, fictional Shanghai ID cards of 70-year-olds: people unknown to the registry, so
 * each identify + submit takes the real path of a first-time kiosk user.
 */
export function syntheticCard(serial: number): IdCardData {
  const day = String(1 + (serial % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(serial / 28) % 12)).padStart(2, '0');
  const sequence = String(Math.floor(serial / 336) % 1000).padStart(3, '0');
  const first17 = `310105${1950 + (Math.floor(serial / 336_000) % 5)}${month}${day}${sequence}`;
  return {
    cardType: 'resident',
    name: '测试',
    sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
    nationCode: '01',
    birthDate: `${first17.slice(6, 10)}-${month}-${day}`,
    address: '上海市长宁区天山路100弄1号101室',
    idNumber: first17 + idNumberCheckDigit(first17),
    issuingAuthority: '上海市公安局长宁分局',
    validFrom: '2016-01-01',
    validTo: 'long-term',
  };
}
