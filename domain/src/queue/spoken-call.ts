import { DomainError } from '../errors';
import { translate } from '../i18n/translate';

/**
 * How the hall display reads a call aloud, as data (decision 0011): the ticket letter by its
 * letter name, the ticket digits one by one with 零 (A012 → A 零 一 二), the counter as a
 * quantity (3 → 三, 12 → 十二, 20 → 二十), each call twice with a pause, slowly.
 * 请 A012 号 到 3 号窗口办理.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** The recorded clips a call is made of; the id is the file name (public/audio/calls/<id>.opus). */
export type CallClipId =
  | 'qing'
  | 'hao'
  | 'dao'
  | 'hao-chuangkou-banli'
  | 'shi'
  | `digit-${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`
  | `letter-${Lowercase<(typeof LETTERS)[number]>}`;

export interface CallClip {
  id: CallClipId;
  /** What the clip says: Chinese text, or the capital letter whose name it says. */
  text: string;
  kind: 'word' | 'letter';
}

/** Every clip, in a stable order: what scripts/make-call-clips.ts records. */
export const CALL_CLIPS: readonly CallClip[] = [
  { id: 'qing', text: '请', kind: 'word' },
  { id: 'hao', text: '号', kind: 'word' },
  { id: 'dao', text: '到', kind: 'word' },
  // One clip for the tail, so 号窗口办理 keeps the natural flow of a phrase.
  { id: 'hao-chuangkou-banli', text: '号窗口办理', kind: 'word' },
  { id: 'shi', text: '十', kind: 'word' },
  ...DIGITS.map((text, d) => ({ id: `digit-${d}` as CallClipId, text, kind: 'word' as const })),
  ...LETTERS.map((letter) => ({ id: `letter-${letter.toLowerCase()}` as CallClipId, text: letter, kind: 'letter' as const })),
];

/** Each call is said this many times… */
export const CALL_REPETITIONS = 2;
/** …with this pause between the repetitions. */
export const CALL_PAUSE_MS = 1000;
/** Speech rate for a system voice (1 is normal): slow enough for older listeners at 4 m. */
export const CALL_SPEECH_RATE = 0.8;

export interface SpokenCall {
  /** As written on the screen and in the aria-live region: 请A012号到3号窗口办理. */
  text: string;
  /** What a zh-CN system voice reads, with digits written out so it cannot say 十二 for 012. */
  speech: string;
  /** The clips of one saying, played back to back. */
  clips: CallClipId[];
  repetitions: number;
  pauseMs: number;
  rate: number;
}

/** Not a ticket number or counter a display can read. */
export class InvalidSpokenCallError extends DomainError {
  constructor(reason: string) {
    super('INVALID_SPOKEN_CALL', `Cannot speak this call: ${reason}`);
  }
}

const TICKET_NO = /^([A-Z])(\d{3})$/;

/** 3 → ['digit-3'], 12 → ['shi', 'digit-2'], 20 → ['digit-2', 'shi'], 99 → ['digit-9', 'shi', 'digit-9']. */
export function counterClips(counterNumber: number): CallClipId[] {
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > 99) {
    throw new InvalidSpokenCallError(`the counter must be a whole number from 1 to 99, got ${counterNumber}`);
  }
  const tens = Math.floor(counterNumber / 10);
  const units = counterNumber % 10;
  const clips: CallClipId[] = [];
  // 十二, not 一十二: the way a counter number is said aloud.
  if (tens > 1) clips.push(`digit-${tens}` as CallClipId);
  if (tens > 0) clips.push('shi');
  if (units > 0) clips.push(`digit-${units}` as CallClipId);
  return clips;
}

/** 12 → '十二', as a quantity. */
export function counterNumberInChinese(counterNumber: number): string {
  return counterClips(counterNumber).map(clipText).join('');
}

/** 'A012' → ['letter-a', 'digit-0', 'digit-1', 'digit-2']: the letter name, then each digit with 零. */
export function ticketClips(ticketNo: string): CallClipId[] {
  const m = TICKET_NO.exec(ticketNo);
  if (!m) throw new InvalidSpokenCallError(`expected a ticket number like A012, got "${ticketNo}"`);
  const [, letter, digits] = m as unknown as [string, string, string];
  return [`letter-${letter.toLowerCase()}` as CallClipId, ...digits.split('').map((d) => `digit-${d}` as CallClipId)];
}

function clipText(id: CallClipId): string {
  return CALL_CLIPS.find((clip) => clip.id === id)!.text;
}

/** The whole call: 请 A 零 一 二 号 到 三 号窗口办理, twice. Throws InvalidSpokenCallError. */
export function spokenCall(ticketNo: string, counterNumber: number): SpokenCall {
  const ticket = ticketClips(ticketNo);
  const counter = counterClips(counterNumber);
  return {
    text: translate('zh-CN', 'display.call.text', { ticketNo, counterNumber }),
    speech: translate('zh-CN', 'display.call.speech', {
      letter: ticketNo[0]!,
      digits: ticket.slice(1).map(clipText).join(' '),
      counter: counter.map(clipText).join(''),
    }),
    clips: ['qing', ...ticket, 'hao', 'dao', ...counter, 'hao-chuangkou-banli'],
    repetitions: CALL_REPETITIONS,
    pauseMs: CALL_PAUSE_MS,
    rate: CALL_SPEECH_RATE,
  };
}
