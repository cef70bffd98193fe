/**
 * How far a deadline is from now, in whole minutes, as the words of a countdown use it ("nog 3 uur 12 min",
 * "2 d 4 uur over tijd"). Pure, so the server and the ticking client component say the same thing.
 */
export type DeadlineParts = {
  overdue: boolean;
  /** Which words to use: whole days and hours, hours and minutes, or minutes alone. */
  unit: 'd' | 'h' | 'm';
  days: number;
  hours: number;
  minutes: number;
};

const MINUTE = 60_000;

export function deadlineParts(deadline: string | number, now: number): DeadlineParts {
  const at = typeof deadline === 'number' ? deadline : Date.parse(deadline);
  const difference = at - now;
  const overdue = difference < 0;
  // Remaining time rounds down (never promise a minute that is not there); overdue time rounds down too,
  // so "0 min" is only said in the first minute either side.
  const total = Math.floor(Math.abs(difference) / MINUTE);
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  const minutes = total % 60;
  const unit = days > 0 ? 'd' : hours > 0 ? 'h' : 'm';
  return { overdue, unit, days, hours, minutes };
}

/** The catalogue key (namespace Deadline) for these parts. */
export function deadlineKey(parts: DeadlineParts): `${'remaining' | 'overdue'}_${'d' | 'h' | 'm'}` {
  return `${parts.overdue ? 'overdue' : 'remaining'}_${parts.unit}`;
}
