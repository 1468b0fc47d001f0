// Money in CNY (人民币元) as exact decimal strings end to end: what a user types is parsed here, stored
// as Decimal(12,2), read back as its `toFixed(2)` string and formatted here. No float ever touches an
// amount (architecture: "Money").

const DECIMAL = /^-?\d+(\.\d+)?$/;
// The shape of an amount as typed: digits, optionally grouped by a thousands separator (ASCII or
// full-width comma, or a space), then optionally a point and digits. Whether the groups are right is
// checked after, so a wrong grouping gets its own answer.
const TYPED = /^(\d(?:[\d,，\s]*\d)?)(?:\.(\d+))?$/;
const SEPARATOR = /[,，\s]/;
const SEPARATORS = /[,，\s]/g;
// Thousands groups: one to three digits, then groups of exactly three.
const GROUPED = /^\d{1,3}(?:[,，\s]\d{3})*$/;
// Decimal(12,2): at most ten digits before the point.
const WHOLE_DIGITS_MAX = 10;

/**
 * Why a typed amount is refused: "invalid" (not a non-negative number with at most two decimals),
 * "grouping" (a separator that does not mark thousands: "1,00", "12,34"), "leadingZero" (a zero before
 * the first digit: "0012.50"; "0" and "0.50" are fine) or "tooLarge" (more than Decimal(12,2) holds).
 */
export type CnyRefusal = "invalid" | "grouping" | "leadingZero" | "tooLarge";

/**
 * An amount as typed, read strictly: its canonical two-decimal string ("1,234.5" → "1234.50"), or why
 * it is refused. Never a guess: an amount that could be read two ways ("0012.50", "1,00") is refused
 * rather than normalised. Thousands separators (",", "，" or a space, between groups of three) and
 * surrounding spaces are allowed. Pure; throws nothing.
 */
export function readCny(input: string): { ok: true; value: string } | { ok: false; error: CnyRefusal } {
  const match = TYPED.exec(input.trim());
  if (!match) return { ok: false, error: "invalid" };
  const [, typedWhole, cents = ""] = match;
  if (cents.length > 2) return { ok: false, error: "invalid" };
  if (SEPARATOR.test(typedWhole) && !GROUPED.test(typedWhole)) return { ok: false, error: "grouping" };
  const whole = typedWhole.replace(SEPARATORS, "");
  if (whole.length > 1 && whole.startsWith("0")) return { ok: false, error: "leadingZero" };
  if (whole.length > WHOLE_DIGITS_MAX) return { ok: false, error: "tooLarge" };
  return { ok: true, value: `${whole}.${cents.padEnd(2, "0")}` };
}

/**
 * An amount as typed (e.g. "1,234.5", "1，234", " 30000 ") as its canonical two-decimal string
 * ("1234.50"), or null when readCny refuses it (not a non-negative CNY amount with at most two
 * decimals, misplaced separators, leading zeros, or too large for Decimal(12,2)).
 */
export function parseCny(input: string): string | null {
  const read = readCny(input);
  return read.ok ? read.value : null;
}

/**
 * Shows a stored amount (the exact decimal string Prisma's Decimal gives, e.g. "30000.00") as CNY in the
 * reader's locale ("¥30,000.00"). Intl formats the string itself, digit for digit, so no float rounds it.
 * A string that is not a decimal is returned as it is.
 */
export function formatCny(amount: string, locale: string): string {
  const value = amount.trim();
  if (!DECIMAL.test(value)) return amount;
  return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY" }).format(value as `${number}`);
}

/**
 * Every value of `params` (stored amounts, as a server field error names them: { received: "20000.00" })
 * formatted by formatCny for the reader's locale; undefined stays undefined.
 */
export function formatCnyParams(params: Record<string, string> | undefined, locale: string): Record<string, string> | undefined {
  return params && Object.fromEntries(Object.entries(params).map(([name, amount]) => [name, formatCny(amount, locale)]));
}

/**
 * The exact sum of two-decimal amounts ("30000.00" + "45000.50" = "75000.50"), computed in integer fen.
 * Throws Error for a string that is not a decimal or has more than two decimals.
 */
export function sumCny(...amounts: string[]): string {
  const fen = amounts.reduce((total, amount) => total + toFen(amount), 0n);
  const sign = fen < 0n ? "-" : "";
  const digits = (fen < 0n ? -fen : fen).toString().padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function toFen(amount: string): bigint {
  const value = amount.trim();
  if (!DECIMAL.test(value)) throw new Error(`Not an amount: ${amount}`);
  const negative = value.startsWith("-");
  const [whole, cents = ""] = value.replace("-", "").split(".");
  if (cents.length > 2) throw new Error(`More than two decimals: ${amount}`);
  const fen = BigInt(whole) * 100n + BigInt(cents.padEnd(2, "0"));
  return negative ? -fen : fen;
}
