// Validators for Chinese identity data, shared by forms (client) and server actions.

const MOBILE = /^1[3-9]\d{9}$/;

export function isMainlandMobile(digits: string): boolean {
  return MOBILE.test(digits);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

// GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character.
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export function idCardBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function isChineseIdCard(value: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false;
  if (idCardBirthDate(value) === null) return false;
  return idCardCheckChar(value.slice(0, 17)) === value[17];
}

// Passports: Chinese ordinary passports are E/G + 8 digits, but clients may hold foreign ones,
// so accept 5–20 letters and digits.
export function isPassportNumber(value: string): boolean {
  return /^[A-Z0-9]{5,20}$/.test(value);
}

// A calendar date written YYYY-MM-DD that exists.
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/**
 * A 身份证 or 护照 number as shown to whoever may not see it whole (domain.md; README "Identity numbers").
 * A 身份证 (15 or 18 characters) keeps its first 4 and last 4: 1101**********1234, as the issue shows it.
 * Anything shorter — a passport, E12345678 — keeps its first character and last 2 (E******78): keeping
 * 4 + 4 of a 9-character passport would hide one digit. null for an empty value.
 */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length >= 15) return value.slice(0, 4) + "*".repeat(value.length - 8) + value.slice(-4);
  if (value.length <= 3) return value.slice(0, 1) + "*".repeat(value.length - 1);
  return value.slice(0, 1) + "*".repeat(value.length - 3) + value.slice(-2);
}
