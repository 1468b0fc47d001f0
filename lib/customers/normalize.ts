// The form in which duplicate-check keys are stored and compared. Everything that writes a
// customer goes through these, so "138 0013 8000", "+86 13800138000" and "13800138000" match.

export function normalizePhone(value: string): string {
  let digits = value.replace(/[\s\-()（）]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  return digits;
}

export function normalizeIdNumber(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

export function normalizeHandle(value: string): string {
  return value.trim().toLowerCase();
}
