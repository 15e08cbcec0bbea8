import { maskAddress, maskIdNumber, maskName, type IdCardData } from '@eldercare/domain';

/** A card as a technician may see it: name, ID number and addresses masked, no birth date. */
export interface MaskedCard {
  cardType: IdCardData['cardType'];
  nameMasked: string;
  idNumberMasked: string;
  sex: IdCardData['sex'];
  addressMasked: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
  hasExtraAddress: boolean;
  photoBytes: number;
}

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
