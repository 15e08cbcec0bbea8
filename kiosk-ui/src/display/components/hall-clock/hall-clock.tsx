import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '@eldercare/domain';

/** Shanghai time, whatever the display PC's own zone: the hall's working day. */
const ZONE = 'Asia/Shanghai';

export function HallClock({ locale, now = () => new Date() }: { locale: Locale; now?: () => Date }) {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [now]);
  const clock = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(time);
  const day = new Intl.DateTimeFormat(locale, { timeZone: ZONE, month: 'long', day: 'numeric', weekday: 'long' }).format(time);
  return (
    <div class="hall-clock">
      <time class="hall-clock-time" dateTime={time.toISOString()}>
        {clock}
      </time>
      <span class="hall-clock-day">{day}</span>
    </div>
  );
}
