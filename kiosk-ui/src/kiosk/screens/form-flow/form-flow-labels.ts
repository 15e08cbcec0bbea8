import { findDistrictStreet, findService, localized, type Locale, type MessageKey } from '@eldercare/domain';
import { listAnswer, textAnswer, type FormAnswers, type FormStep } from '@eldercare/state-machines';

type Translate = (key: MessageKey) => string;

/** A message key of the kiosk-services area, built from a state, field or option name (tested: every one exists). */
export function serviceKey(key: string): MessageKey {
  return `kioskServices.${key}` as MessageKey;
}

/** The words for an option: streets and services come from domain data, the rest from the catalogue. */
export function optionLabel(t: Translate, locale: Locale, field: string, value: string): string {
  if (field === 'street') return localized(locale, findDistrictStreet(value)?.name ?? { zh: value, en: value });
  if (field === 'services') return localized(locale, findService(value).shortName);
  return t(serviceKey(`option.${field}.${value}`));
}

/** Digits as a senior reads them off a card: in groups of four. */
export function groupedDigits(value: string): string {
  return value.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The review lines of the steps that apply to these answers. */
export function reviewLines(t: Translate, locale: Locale, steps: readonly FormStep[], answers: FormAnswers) {
  return steps
    .filter((step) => step.when?.(answers) ?? true)
    .map((step) => {
      const value =
        step.kind === 'digits'
          ? step.rule === 'bank-card'
            ? groupedDigits(textAnswer(answers, step.field))
            : textAnswer(answers, step.field) || '—'
          : step.kind === 'toggle'
            ? listAnswer(answers, step.field).map((v) => optionLabel(t, locale, step.field, v)).join('、')
            : optionLabel(t, locale, step.field, textAnswer(answers, step.field));
      return { field: step.field, label: t(serviceKey(`field.${step.field}`)), value };
    });
}

