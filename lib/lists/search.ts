// Substring search for every list: the text the user typed matches LITERALLY, and every alternative
// is served by an index at a million rows. Any new search box builds its `where` here.
//
// - Prisma's `contains` becomes `ILIKE '%' || text || '%'`, where % and _ in the text would be
//   wildcards (typing % listed every prospect): containsText escapes them.
// - pg_trgm's GIN indexes serve ILIKE only for 3 or more characters, and a Chinese full name often
//   has 2 (李娜). Worse, for a shorter pattern the planner still picks the trigram index and reads
//   all of it (1.6 s at a million customers). So tables searched by short text keep a gram column:
//   every 1- and 2-character piece of the searched columns, lower-cased, kept by a trigger
//   (search_grams() in the migration 20261129143539_list_performance) with a GIN index. A short
//   term is looked up there with `@>` (Prisma's `has`) and never reaches ILIKE: the term occurs in a
//   column exactly when its lower-cased form is one of the column's pieces.

/** Longest term looked up in a gram column; from 3 characters on, pg_trgm's indexes serve ILIKE. */
export const GRAM_MAX_LENGTH = 2;

/** A Prisma string filter: contains `text` literally, ignoring case. */
export type LiteralContains = { contains: string; mode: "default" | "insensitive" };

/** `text` with LIKE's wildcards (% and _) and its escape character (\) escaped, so it matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * The filter matching `text` anywhere in a column, literally and ignoring case: ILIKE with `text`
 * escaped, or LIKE when `text` has no letter with case (Chinese, digits), which matches the same
 * rows several times faster (ILIKE lower-cases every row it reads).
 */
export function containsText(text: string): LiteralContains {
  const caseless = text.toLowerCase() === text && text.toUpperCase() === text;
  return { contains: escapeLike(text), mode: caseless ? "default" : "insensitive" };
}

/** Whether `text` (counted in characters, as PostgreSQL's char_length does) is short enough for the gram column. */
export function isShortTerm(text: string): boolean {
  return [...text].length <= GRAM_MAX_LENGTH;
}

/**
 * The `where` for "one of these columns contains `text`". `fields` turns the literal filter into the
 * model's alternatives (e.g. `(f) => [{ number: f }, { school: f }]`); `grams` gives the model's gram
 * condition for a key (e.g. `(key) => ({ searchGrams: { has: key } })`), and its gram column must
 * cover every one of `fields`. Short terms are looked up in the grams only; longer ones go to the
 * trigram indexes. `text` must not be empty.
 */
export function textSearch<W>(text: string, fields: (filter: LiteralContains) => W[], grams: (key: string) => W): W | { OR: W[] } {
  // Lower-cased as search_grams() does with lower() (the two agree on letters that have one lower case).
  if (isShortTerm(text)) return grams(text.toLowerCase());
  return { OR: fields(containsText(text)) };
}
