// Money in CNY (人民币元) as exact decimal strings end to end: what a user types is parsed here, stored
// as Decimal(12,2), read back as its `toFixed(2)` string and formatted here. No float ever touches an
// amount (architecture: "Money").

const DECIMAL = /^-?\d+(\.\d+)?$/;
// Decimal(12,2): at most ten digits before the point and two after.
const INPUT = /^\d{1,10}(\.\d{1,2})?$/;

/**
 * An amount as typed (e.g. "1,234.5", "1，234", " 30000 ", "007.10") as its canonical two-decimal string
 * ("1234.50"), or null when it is not a non-negative CNY amount with at most two decimals that fits
 * Decimal(12,2). Thousands separators (ASCII and full-width commas) and spaces are ignored.
 */
export function parseCny(input: string): string | null {
  const compact = input.trim().replace(/[,，\s]/g, "");
  if (!INPUT.test(compact)) return null;
  const [whole, cents = ""] = compact.split(".");
  return `${whole.replace(/^0+(?=\d)/, "")}.${cents.padEnd(2, "0")}`;
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
