import { maskAddress, maskIdNumber, maskName, type IdCardData, type MaskedCard } from '@eldercare/domain';

export type { MaskedCard };

/** A card as a technician may see it: name, ID number and address masked, no birth date. */
export function maskedCard(card: IdCardData, photo: Uint8Array): MaskedCard {
  return {
    cardType: card.cardType,
    nameMasked: maskName(card.name),
    idNumberMasked: maskIdNumber(card.idNumber),
    sex: card.sex,
    addressMasked: maskAddress(card.address),
    issuingAuthority: card.issuingAuthority,
    validFrom: card.validFrom,
    validTo: card.validTo,
    hasExtraAddress: card.extraAddress !== undefined,
    photoBytes: photo.length,
  };
}
