import type { CentreDayStatistics } from '@eldercare/domain';
import { formatMinutes, type Translate } from '../admin-translator';

/** The day at a glance: counts, the priority share and the average times. */
export function SummaryTiles({ t, stats }: { t: Translate; stats: CentreDayStatistics }) {
  const c = stats.totals.counts;
  const tiles: { id: string; label: string; value: string; sub?: string }[] = [
    { id: 'issued', label: t('admin.tile.issued'), value: String(c.issued) },
    { id: 'called', label: t('admin.tile.called'), value: String(c.called) },
    { id: 'served', label: t('admin.tile.served'), value: String(c.served) },
    { id: 'no-show', label: t('admin.tile.noShow'), value: String(c.noShow) },
    { id: 'cancelled-transferred', label: t('admin.tile.cancelledTransferred'), value: `${c.cancelled} / ${c.transferred}` },
    { id: 'waiting', label: t('admin.tile.waiting'), value: String(c.waiting) },
    { id: 'recalls', label: t('admin.tile.recalls'), value: String(c.recalls) },
    {
      id: 'priority',
      label: t('admin.tile.priority'),
      value: String(stats.priority.tickets),
      sub: t('admin.tile.prioritySub', { percent: Math.round(stats.priority.share * 1000) / 10 }),
    },
    { id: 'average-wait', label: t('admin.tile.averageWait'), value: formatMinutes(stats.totals.waitingTime.averageSeconds) },
    { id: 'average-service', label: t('admin.tile.averageService'), value: formatMinutes(stats.totals.serviceTime.averageSeconds) },
  ];
  return (
    <ul class="tiles">
      {tiles.map((tile) => (
        <li key={tile.id} class="tile" data-testid={`tile-${tile.id}`}>
          <span class="tile-label">{tile.label}</span>
          <strong class="tile-value">{tile.value}</strong>
          {tile.sub && <span class="tile-sub">{tile.sub}</span>}
        </li>
      ))}
    </ul>
  );
}
