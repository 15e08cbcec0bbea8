import { CALL_CLIPS, type CallClipId, type SpokenCall } from '@eldercare/domain';
import type { CallPlayer } from './call-announcer';

/** Between two clips of one saying: a short breath keeps digits apart without sounding choppy. */
const CLIP_GAP_S = 0.06;
/** Scheduling a little ahead so the first clip is not clipped while the graph starts. */
const LEAD_S = 0.1;

export interface ClipPlayer {
  play: CallPlayer;
  /** Fetches and decodes every clip once, so a call can be said even while the server is away. */
  preload(): Promise<void>;
  readonly context: AudioContext;
}

/**
 * Says a call from the recorded clips (public/audio/calls, decision 0011) with the Web Audio
 * API: each clip decoded once, the sequence scheduled on the audio clock back to back, so there
 * are no gaps from starting one <audio> after another; twice, with the call's pause between.
 */
export function createClipPlayer(options: { context?: AudioContext; clipBase?: string } = {}): ClipPlayer {
  const context = options.context ?? new AudioContext();
  const clipBase = options.clipBase ?? '/audio/calls';
  const buffers = new Map<CallClipId, Promise<AudioBuffer>>();

  const load = (id: CallClipId): Promise<AudioBuffer> => {
    let buffer = buffers.get(id);
    if (!buffer) {
      buffer = fetch(`${clipBase}/${id}.opus`)
        .then((response) => {
          if (!response.ok) throw new Error(`clip ${id}: HTTP ${response.status}`);
          return response.arrayBuffer();
        })
        .then((bytes) => context.decodeAudioData(bytes));
      // A failed load is tried again next time (the server may have been away).
      buffer.catch(() => buffers.delete(id));
      buffers.set(id, buffer);
    }
    return buffer;
  };

  return {
    context,
    async preload() {
      await Promise.all(CALL_CLIPS.map((clip) => load(clip.id)));
    },
    async play(call: SpokenCall) {
      const clips = await Promise.all(call.clips.map(load));
      let at = context.currentTime + LEAD_S;
      let last: AudioBufferSourceNode | null = null;
      for (let saying = 0; saying < call.repetitions; saying++) {
        if (saying > 0) at += call.pauseMs / 1000;
        for (const buffer of clips) {
          const source = context.createBufferSource();
          source.buffer = buffer;
          source.connect(context.destination);
          source.start(at);
          at += buffer.duration + CLIP_GAP_S;
          last = source;
        }
      }
      if (!last) return;
      const ended = last;
      await new Promise<void>((resolve) => {
        ended.onended = () => resolve();
      });
    },
  };
}
