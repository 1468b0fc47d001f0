const DECIMAL = /^-?\d+(\.\d+)?$/;

// Shows a stored amount (the exact decimal string Prisma's Decimal gives, e.g. "30000.00") as CNY.
// Intl formats the string itself, digit for digit, so no float ever rounds an amount on screen.
export function formatCny(amount: string, locale: string): string {
  const value = amount.trim();
  if (!DECIMAL.test(value)) return amount;
  return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY" }).format(value as `${number}`);
}

// The sum of two-decimal amounts ("30000.00" + "45000.50" = "75000.50"), in integer fen so it is exact.
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
