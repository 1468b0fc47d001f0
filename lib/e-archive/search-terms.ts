import { normalizeHandle, normalizeIdNumber, normalizePhone } from "@/lib/customers/normalize";
import { isChineseIdCard, isPassportNumber, maskIdNumber } from "@/lib/validation/china";

// 查询客户电子档案's one search box (issue 10 §2): which kinds of value the typed text can be, each in
// the form its column stores (lib/customers/normalize.ts), and how a match is shown (highlighted,
// identity numbers masked). Pure: shared by the search query and its tests.

export const SEARCH_KINDS = ["name", "phone", "idCard", "passport", "wechat", "contractNumber", "archiveNumber"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Per kind, the value to look up (already normalised), or absent when the text cannot be one. */
export type SearchTerms = Partial<Record<SearchKind, string>>;

// Shortest phone ending looked up (a suffix: the last 4 digits are how people read a number out).
const PHONE_SUFFIX_MIN = 4;

/**
 * The kinds `text` may be and their normalised values: a name (any text with a non-digit), a phone
 * (digits, an exact mobile or an ending of 4+), an ID card (18 characters with a valid check
 * character, x and X alike) and a passport (5–20 letters and digits, any case) matched exactly, a
 * 微信 exactly (lower-cased, as stored), a 合同号 (exactly, or containing it from 3 characters) and
 * an archive number (exactly, any case). Empty for empty text.
 */
export function searchTerms(text: string): SearchTerms {
  const q = text.trim();
  if (!q) return {};
  const terms: SearchTerms = {};
  const compact = q.replace(/[\s-]/g, "");
  if (/\D/.test(compact.replace(/^\+/, ""))) terms.name = q;
  if (/^\+?\d+$/.test(compact)) {
    const phone = normalizePhone(compact);
    if (phone.length >= PHONE_SUFFIX_MIN) terms.phone = phone;
  }
  const id = normalizeIdNumber(compact);
  if (isChineseIdCard(id)) terms.idCard = id;
  if (isPassportNumber(id)) terms.passport = id;
  if (/^[A-Za-z0-9_-]{5,40}$/.test(compact)) terms.wechat = normalizeHandle(compact);
  if (compact.length >= 3 || /\d/.test(compact)) terms.contractNumber = q;
  if (/^[A-Za-z0-9-]{3,40}$/.test(compact)) terms.archiveNumber = compact.toUpperCase();
  return terms;
}

/** A piece of a shown value: `mark` pieces are what matched (rendered in <mark>). */
export type Segment = { text: string; mark: boolean };

/** `value` cut around the occurrences of `needle` (ignoring case), each occurrence marked. */
export function highlight(value: string, needle: string): Segment[] {
  if (!needle) return [{ text: value, mark: false }];
  const segments: Segment[] = [];
  const hay = value.toLowerCase();
  const low = needle.toLowerCase();
  let from = 0;
  for (let at = hay.indexOf(low); at !== -1; at = hay.indexOf(low, from)) {
    if (at > from) segments.push({ text: value.slice(from, at), mark: false });
    segments.push({ text: value.slice(at, at + needle.length), mark: true });
    from = at + needle.length;
  }
  if (from < value.length) segments.push({ text: value.slice(from), mark: false });
  return segments;
}

/**
 * How a matched identity number is shown: its masked form (maskIdNumber), wholly marked. The match
 * is exact, so marking the masked text says "this number" without showing a digit more.
 */
export function maskedMatch(value: string): Segment[] {
  return [{ text: maskIdNumber(value) ?? "", mark: true }];
}
