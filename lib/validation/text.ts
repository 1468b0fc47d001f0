import { z } from "zod";

// Every text a user (or a hand-made request) sends goes through these builders before any schema
// looks at it, shared by the forms (zodResolver) and the server actions. Cleaning first means:
// - nothing PostgreSQL refuses reaches it (NUL in text; a lone UTF-16 surrogate in jsonb, which the
//   audit log is), so such input is never an HTTP 500;
// - nothing invisible counts as content: a 姓名 of zero-width spaces is empty, and so "required".
// Messages are keys of the `validation` namespace.

// A well-formed pair is kept; a lone half (from a bad paste or a hand-made request) is dropped.
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const TABS_AND_BREAKS = /\r\n?|[\t\n\u0085\u2028\u2029]/g;
// C0 and C1 controls and DEL, except tab and line feed which multi-line texts keep. The bidi
// embedding, override and isolate controls go as well: invisible, nobody types them in this CRM, and
// in a sentence such as a notification they reorder the words that follow (a spoofing aid).
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// What no one types and only garbles a text: U+FFFD (where a decoder met bytes that were not UTF-8),
// U+FFFC (an object left behind by rich-text copy and paste), the noncharacters (U+FFFE, U+FFFF,
// U+FDD0…), a BOM inside the text and the deprecated language tag. Shown, they are boxes or nothing.
const JUNK = /[\p{Noncharacter_Code_Point}\uFFFC\uFFFD\uFEFF\u{E0001}]/gu;

// What looks like nothing: white space of every kind (Zs, Zl, Zp and ASCII), format characters (Cf:
// zero-width space and joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator…), controls,
// and the letters and symbols that render blank (Hangul fillers, braille blank).
const BLANK = /[\s\p{Z}\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/u;
// Tag characters (Cf) end emoji flag sequences such as England's, so trimming stops at them.
const TAG = /[\u{E0020}-\u{E007F}]/u;
// A mark (combining accent, variation selector…) shows only on a base character.
const MARK = /\p{M}/u;

/** `value` without lone UTF-16 surrogates and NUL: the two things PostgreSQL can never store. */
export function stripUnstorable(value: string): string {
  return value.replace(SURROGATES, (m) => (m.length === 2 ? m : "")).replace(/\u0000/g, "");
}

/**
 * A one-line text as it is stored: lone surrogates, controls and junk (U+FFFD, U+FFFC, noncharacters, an
 * inner BOM) dropped, tabs and line breaks (CR, LF,
 * CRLF, NEL, U+2028/9) turned into a space, and invisible characters trimmed from both ends. A text with
 * no visible character is "". Zero-width joiners inside the text (emoji sequences) are kept.
 */
export function cleanLine(value: string): string {
  return visibleOrEmpty(trimBlank(stripUnstorable(value).replace(TABS_AND_BREAKS, " ").replace(CONTROLS, "").replace(JUNK, "")));
}

/** A multi-line text as it is stored: as `cleanLine`, but line breaks normalised to "\n" and tabs kept. */
export function cleanMultiLine(value: string): string {
  return visibleOrEmpty(trimBlank(stripUnstorable(value).replace(LINE_BREAKS, "\n").replace(CONTROLS, "").replace(JUNK, "")));
}

/** True when `value` has at least one character that shows: not blank, not a lone mark, not a tag. */
export function hasVisibleCharacter(value: string): boolean {
  for (const ch of value) {
    if (!BLANK.test(ch) && !MARK.test(ch) && !TAG.test(ch)) return true;
  }
  return false;
}

function visibleOrEmpty(value: string): string {
  return hasVisibleCharacter(value) ? value : "";
}

// By code point from either end, not a regex: /\s+$/ on a long run of spaces is quadratic.
function trimBlank(value: string): string {
  const chars = Array.from(value);
  let start = 0;
  let end = chars.length;
  while (start < end && isTrimmable(chars[start])) start += 1;
  while (end > start && isTrimmable(chars[end - 1])) end -= 1;
  return start === 0 && end === chars.length ? value : chars.slice(start, end).join("");
}

function isTrimmable(ch: string): boolean {
  return BLANK.test(ch) && !TAG.test(ch);
}

// Firefox before 125 has no Intl.Segmenter; code points are the nearest count there.
const graphemes = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

// No text people write averages ten UTF-16 units a character (a family emoji is eleven); past that it is
// stacked marks or padding, refused however few characters it shows.
const UNITS_PER_CHARACTER = 10;

// V8 gives every segment Intl.Segmenter yields its own copy of the whole input (the `input` property),
// so segmenting n units at once costs n² memory: 20,000 characters took gigabytes and ended the
// process. The text is segmented in slices of about SLICE units instead, each cut just before a
// character that always starts a new grapheme cluster — a letter, digit, punctuation, space or
// pictograph that is no Hangul jamo/syllable (those combine with each other) and no emoji modifier —
// and that does not follow a format character (ZWJ joins emoji; prepended marks are format characters).
const SLICE = 256;
const STARTS_CLUSTER = /^[\p{L}\p{N}\p{P}\p{Zs}\p{Extended_Pictographic}]$/u;
const NEVER_STARTS = /^[\p{Script=Hangul}\p{Emoji_Modifier}]$/u;
const FORMAT = /^\p{Cf}$/u;

function startsCluster(value: string, at: number): boolean {
  const ch = String.fromCodePoint(value.codePointAt(at)!);
  if (!STARTS_CLUSTER.test(ch) || NEVER_STARTS.test(ch)) return false;
  const before = value.codePointAt(at - 1)!;
  // at - 1 may be the low half of a pair: look at the whole code point before.
  const previous = before >= 0xdc00 && before <= 0xdfff && at >= 2 ? String.fromCodePoint(value.codePointAt(at - 2)!) : String.fromCharCode(before);
  return !FORMAT.test(previous);
}

// Counts grapheme clusters, stopping early once past `limit`.
function countClusters(value: string, limit: number): number {
  if (!graphemes) return Array.from(value).length;
  let count = 0;
  let start = 0;
  while (start < value.length) {
    let end = Math.min(start + SLICE, value.length);
    // Never inside a surrogate pair, and only where a cluster must start.
    while (end < value.length && !startsCluster(value, end)) end += 1;
    for (const _ of graphemes.segment(value.slice(start, end))) {
      count += 1;
      if (count > limit) return count;
    }
    start = end;
  }
  return count;
}

/** The number of characters a reader sees in `value` (grapheme clusters: 👨‍👩‍👧 and é are one each). */
export function visibleLength(value: string): number {
  return countClusters(value, Number.POSITIVE_INFINITY);
}

/** True when `value` shows at most `max` characters and is not absurdly long underneath. */
export function fitsLength(value: string, max: number): boolean {
  if (value.length <= max) return true;
  if (value.length > max * UNITS_PER_CHARACTER) return false;
  return countClusters(value, max) <= max;
}

// A missing field is "required"; anything that is not a string (a number, an object, null) is "invalid".
const requiredString = () => z.string({ error: (issue) => (issue.input === undefined ? "required" : "invalid") });
const anyString = () => z.string({ error: "invalid" });

const withinMax = (max: number | undefined) => (v: string) => max === undefined || fitsLength(v, max);
const nullIfEmpty = (v: string) => (v === "" ? null : v);

// Empty is "required" and nothing more: the pipe stops there, so checks chained on by a caller (a
// date's format, a reason's minimum) do not pile on. The issue does not abort the enclosing object,
// whose own refinements (下次联系日期 before 联系日期…) still report alongside it.
const required = (clean: (value: string) => string, max: number | undefined) =>
  requiredString()
    .transform(clean)
    .refine((v) => v !== "", "required")
    .pipe(z.string().refine(withinMax(max), "tooLong"));

/** A cleaned one-line text where "" is a value of its own (a list's search box, say): `cleanLine`, nothing refused. */
export const line = () => anyString().transform(cleanLine);

/**
 * A required one-line text: cleaned, visible, at most `max` characters. Fields with a format of their own
 * (phone, dates, fees…) omit `max` and chain their check: clean first, then validate what will be stored.
 */
export const requiredLine = (max?: number) => required(cleanLine, max);

/** An optional one-line text: cleaned, at most `max` characters; empty or invisible becomes null. */
export const optionalLine = (max?: number) =>
  anyString().transform(cleanLine).refine(withinMax(max), "tooLong").transform(nullIfEmpty);

/** A required multi-line text ("\n" line breaks, tabs kept): cleaned, visible, at most `max` characters. */
export const requiredMultiLine = (max: number) => required(cleanMultiLine, max);

/** An optional multi-line text: as `requiredMultiLine`, but empty or invisible becomes null. */
export const multiLine = (max: number) =>
  anyString().transform(cleanMultiLine).refine(withinMax(max), "tooLong").transform(nullIfEmpty);
