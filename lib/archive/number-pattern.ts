// Archive numbers (档案编号, issue 10 §1): 信息中心 sets a pattern such as `{国家代码}{yyyy}{seq:5}`, and each
// 接收 expands it for the contract: UK202600001. Pure functions, no database; numbering.ts takes the
// sequence inside the receiving transaction.
//
// Tokens: {国家代码} the contract's 国家 dictionary code (UK, US…), {yyyy} / {yy} the Asia/Shanghai year of
// the receipt, {seq:N} the sequence zero-padded to N digits (1–9; it grows past N rather than wrap).
// Exactly one {seq:N}; everything else is literal text of letters, digits and - _ / . characters.

/** The pattern the archive centre uses until 信息中心 sets one. */
export const DEFAULT_ARCHIVE_NUMBER_PATTERN = "{国家代码}{yyyy}{seq:5}";

export const ARCHIVE_PATTERN_MAX = 40;

type Part = { kind: "text"; text: string } | { kind: "country" } | { kind: "year4" } | { kind: "year2" } | { kind: "seq"; width: number };

/** Why a pattern is refused: a message key of `archive.settings.errors`. */
export type PatternError = "patternEmpty" | "patternTooLong" | "patternNoSeq" | "patternTwoSeq" | "patternUnknownToken" | "patternBadText";

const LITERAL = /^[A-Za-z0-9\-_/.]+$/;

/** Parses `pattern` into its parts, or returns the reason it is refused. */
export function parseArchivePattern(pattern: string): { ok: true; parts: Part[] } | { ok: false; error: PatternError } {
  if (pattern.length === 0) return { ok: false, error: "patternEmpty" };
  if ([...pattern].length > ARCHIVE_PATTERN_MAX) return { ok: false, error: "patternTooLong" };
  const parts: Part[] = [];
  let seqCount = 0;
  for (const piece of pattern.split(/(\{[^{}]*\})/)) {
    if (piece === "") continue;
    if (piece.startsWith("{") && piece.endsWith("}")) {
      const token = piece.slice(1, -1);
      const seq = /^seq:([1-9])$/.exec(token);
      if (token === "国家代码") parts.push({ kind: "country" });
      else if (token === "yyyy") parts.push({ kind: "year4" });
      else if (token === "yy") parts.push({ kind: "year2" });
      else if (seq) {
        seqCount += 1;
        parts.push({ kind: "seq", width: Number(seq[1]) });
      } else return { ok: false, error: "patternUnknownToken" };
    } else {
      if (!LITERAL.test(piece)) return { ok: false, error: "patternBadText" };
      parts.push({ kind: "text", text: piece });
    }
  }
  if (seqCount === 0) return { ok: false, error: "patternNoSeq" };
  if (seqCount > 1) return { ok: false, error: "patternTwoSeq" };
  return { ok: true, parts };
}

/** The reason `pattern` is refused, or null when it may be saved. */
export function archivePatternError(pattern: string): PatternError | null {
  const parsed = parseArchivePattern(pattern);
  return parsed.ok ? null : parsed.error;
}

/**
 * Expands every token of `pattern` but {seq:N}: `{ key, format }` where `key` names the counter (the
 * pattern's expansion with the sequence left as `{seq}`, so numbers are counted per country and year
 * as the pattern says) and `format(seq)` gives the number. `countryCode` is upper-cased; `year` is the
 * Asia/Shanghai year ("2026"). Throws Error for a pattern parseArchivePattern refuses.
 */
export function expandArchivePattern(pattern: string, values: { countryCode: string; year: string }): { key: string; format: (seq: number) => string } {
  const parsed = parseArchivePattern(pattern);
  if (!parsed.ok) throw new Error(`Invalid archive number pattern: ${parsed.error}`);
  const render = (seq: number | null) =>
    parsed.parts
      .map((part) => {
        switch (part.kind) {
          case "text":
            return part.text;
          case "country":
            return values.countryCode.toUpperCase();
          case "year4":
            return values.year;
          case "year2":
            return values.year.slice(-2);
          case "seq":
            return seq === null ? "{seq}" : String(seq).padStart(part.width, "0");
        }
      })
      .join("");
  return { key: `archiveNumber:${render(null)}`, format: (seq) => render(seq) };
}
