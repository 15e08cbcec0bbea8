import { describePriorityClass, type PriorityClass } from '@eldercare/domain';
import type { WindowWords } from '../../window-translator';

/** 优先 · 80周岁以上老人 per class, or 普通 for a normal ticket (staff see the classes; the display never does). */
export function PriorityMarks({ classes, words, hideNormal = false }: { classes: readonly PriorityClass[]; words: WindowWords; hideNormal?: boolean }) {
  if (classes.length === 0) return hideNormal ? null : <span class="wt-badge wt-badge--normal">{words.t('window.priority.normal')}</span>;
  return (
    <>
      {classes.map((cls) => (
        <span key={cls} class="wt-badge wt-badge--priority" data-priority={cls}>
          {words.t('window.priority.mark')} · {describePriorityClass(words.locale, cls)}
        </span>
      ))}
    </>
  );
}
