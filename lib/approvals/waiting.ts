/** How long an item has waited, in whole days, hours and minutes (each below the next unit). */
export type Waiting = { days: number; hours: number; minutes: number };

const MINUTE_MS = 60_000;

/**
 * The time from `since` to `now` (both UTC instants) as days, hours and minutes, rounded down; a
 * `since` in the future (clock skew) counts as no wait. A duration, so no time zone is involved.
 */
export function waitingSince(since: Date, now: Date): Waiting {
  const total = Math.max(0, Math.floor((now.getTime() - since.getTime()) / MINUTE_MS));
  return { days: Math.floor(total / (24 * 60)), hours: Math.floor(total / 60) % 24, minutes: total % 60 };
}
