import type { DepartmentPart, PartMoveRequest, PartStatus } from '@eldercare/domain';
import { useState } from 'preact/hooks';
import type { Translate } from '../admin-translator';

const CARE_LEVELS = [0, 1, 2, 3, 4, 5, 6];

/**
 * The moves canMovePart allows from the part's status, one button each, with the inputs a move
 * needs: the visit date for visit-scheduled, the care level for assessed, an optional note.
 */
export function PartMoves({ t, part, today, onMove }: { t: Translate; part: DepartmentPart; today: string; onMove: (move: PartMoveRequest) => Promise<void> }) {
  const [note, setNote] = useState('');
  const [visitDate, setVisitDate] = useState(part.visitDate ?? '');
  const [careLevel, setCareLevel] = useState('');
  const [busy, setBusy] = useState(false);
  const needsDate = part.nextStatuses.includes('visit-scheduled');
  const needsLevel = part.nextStatuses.includes('assessed');

  const run = async (to: PartStatus) => {
    setBusy(true);
    try {
      await onMove({
        expectedStatus: part.status,
        to,
        ...(note.trim() && { note: note.trim() }),
        ...(to === 'visit-scheduled' && { visitDate }),
        ...(to === 'assessed' && { careLevel: Number(careLevel) }),
      });
      setNote('');
    } finally {
      setBusy(false);
    }
  };
  const missing = (to: PartStatus) => (to === 'visit-scheduled' && visitDate === '') || (to === 'assessed' && careLevel === '');

  return (
    <form class="part-moves" data-testid="part-moves" onSubmit={(e) => e.preventDefault()}>
      <div class="pickers">
        {needsDate && (
          <label>
            <span>{t('worklist.visitDate')}</span>
            <input type="date" name="visitDate" data-testid="move-visit-date" min={today} value={visitDate} onInput={(e) => setVisitDate(e.currentTarget.value)} />
          </label>
        )}
        {needsLevel && (
          <label>
            <span>{t('worklist.careLevel')}</span>
            <select name="careLevel" data-testid="move-care-level" value={careLevel} onChange={(e) => setCareLevel(e.currentTarget.value)}>
              <option value="">{t('worklist.careLevel.choose')}</option>
              {CARE_LEVELS.map((level) => (
                <option key={level} value={String(level)}>
                  {t('worklist.careLevel.value', { level })}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="note-input">
          <span>{t('worklist.note')}</span>
          <input name="note" data-testid="move-note" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
      </div>
      <div class="move-buttons">
        {part.nextStatuses.map((to) => (
          <button
            key={to}
            type="button"
            class={to === 'rejected' ? 'secondary' : undefined}
            data-testid={`move-${to}`}
            disabled={busy || missing(to)}
            onClick={() => void run(to)}
          >
            {t(to === part.status ? 'worklist.move.reschedule' : `worklist.move.${to}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
