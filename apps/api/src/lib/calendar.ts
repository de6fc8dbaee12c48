/**
 * The calendar day of a moment in a time zone, as 'YYYY-MM-DD'. Measurements open and close on days, and responses
 * carry only their day, all counted in the deployment's TIME_ZONE (not the server's or the database's zone).
 * 'YYYY-MM-DD' strings compare correctly as strings.
 */
export function calendarDay(moment: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(moment);
}

// Making a formatter costs far more than using one, and every submission asks for today.
const formats = new Map<string, Intl.DateTimeFormat>();

/** Today, in the deployment's time zone, on the app's (injectable) clock. */
export type Today = () => string;

export function todayIn(timeZone: string, now: () => Date): Today {
  return () => calendarDay(now(), timeZone);
}
