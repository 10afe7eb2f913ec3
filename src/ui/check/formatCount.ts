/**
 * A whole number with thousands separators, as `toLocaleString('en-US')` prints it, without
 * Intl: the page's first `toLocaleString` loads locale data for tens of milliseconds, which is a
 * long task on the main thread when it lands in the first progress report of a check.
 */
export function formatCount(n: number): string {
  const whole = Math.round(n);
  if (!Number.isFinite(whole)) return String(whole);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `-${digits}` : digits;
}
