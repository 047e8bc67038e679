const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The UTC calendar fields of an instant, as text the way C's strftime prints them (containers run in UTC). */
export interface CalendarDate {
  year: string;
  /** `01`..`12` */
  monthNumber: string;
  /** `Jan`..`Dec` */
  month: string;
  monthName: string;
  /** `1`..`31`, unpadded. */
  day: string;
  /** `Mon`..`Sun` */
  weekday: string;
  weekdayName: string;
  /** `00`..`23` */
  hours: string;
  minutes: string;
  seconds: string;
  /** `001`..`366` */
  dayOfYear: string;
}

const two = (value: number): string => String(value).padStart(2, '0');

/** Calendar fields of `ms` (virtual milliseconds since the epoch) in UTC. */
export function formatCalendarDate(ms: number): CalendarDate {
  const date = new Date(ms);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((ms - yearStart) / 86_400_000) + 1;
  const weekdayName = WEEKDAYS[date.getUTCDay()] ?? '';
  const monthName = MONTHS[date.getUTCMonth()] ?? '';
  return {
    year: String(date.getUTCFullYear()),
    monthNumber: two(date.getUTCMonth() + 1),
    month: monthName.slice(0, 3),
    monthName,
    day: String(date.getUTCDate()),
    weekday: weekdayName.slice(0, 3),
    weekdayName,
    hours: two(date.getUTCHours()),
    minutes: two(date.getUTCMinutes()),
    seconds: two(date.getUTCSeconds()),
    dayOfYear: String(dayOfYear).padStart(3, '0'),
  };
}
