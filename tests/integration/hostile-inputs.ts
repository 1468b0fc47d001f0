import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import ts from "typescript";

// What the server-action fuzz test (action-fuzz.test.ts) throws at the actions, and how it finds them.

// ---- Finding every server action ---------------------------------------------------------------

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

// The exported values of a module, read from its syntax (importing login's actions would load next-auth).
// `export *` cannot be listed, so it shows as "*" and fails the completeness check.
function exportedValues(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names: string[] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations) names.push(d.name.getText(source));
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && exported(statement)) {
      names.push(statement.name?.text ?? "default");
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      if (!statement.exportClause) names.push("*");
      else if (ts.isNamedExports(statement.exportClause)) {
        for (const e of statement.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
      } else names.push("*");
    } else if (ts.isExportAssignment(statement)) names.push("default");
  }
  return names;
}

/**
 * Every exported server action of the project as "path#name" (path from the project root), from every
 * `actions.ts` under app/ and lib/. Also returns the files outside those that declare "use server", which
 * would hide actions from this list.
 */
export function discoverServerActions(root: string): { actions: string[]; strayUseServer: string[] } {
  const files = ["app", "lib", "components"].flatMap((dir) => walk(join(root, dir)));
  const actions: string[] = [];
  const strayUseServer: string[] = [];
  for (const file of files) {
    const path = relative(root, file);
    const isActions = /^(app|lib)\/.*\/actions\.ts$/.test(path);
    if (isActions) for (const name of exportedValues(file)) actions.push(`${path}#${name}`);
    else if (/^\s*["']use server["']/m.test(readFileSync(file, "utf8"))) strayUseServer.push(path);
  }
  return { actions: actions.sort(), strayUseServer };
}

// ---- Message keys an action may answer with ----------------------------------------------------

/** The keys of `errors` (formError) and of every `validation` namespace (fieldErrors), from the zh-CN messages. */
export function messageKeys(root: string): { errors: Set<string>; validation: Set<string> } {
  const dir = join(root, "messages", "zh-CN");
  const validation = new Set<string>();
  let errors = new Set<string>();
  for (const file of readdirSync(dir)) {
    const messages = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
    if (file === "errors.json") errors = new Set(Object.keys(messages));
    if (file === "validation.json") Object.keys(messages).forEach((k) => validation.add(k));
    const nested = messages.validation;
    if (nested && typeof nested === "object") Object.keys(nested).forEach((k) => validation.add(k));
  }
  return { errors, validation };
}

// ---- Hostile values ----------------------------------------------------------------------------

// Characters that have broken or fooled text handling: NUL and other C0/C1 controls, line breaks of
// every kind, lone surrogates, zero-width and other format characters, Unicode spaces, blank-looking
// letters, bidi overrides, a lone combining mark.
const HOSTILE_CHARS = [
  "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F",
  "\t", "\n", "\r", "\r\n", "\u2028", "\u2029",
  "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
  "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\u2064", "\uFEFF", "\u00AD", "\u180E",
  "\u00A0", "\u2007", "\u3000", "\u115F", "\u1160", "\u3164", "\uFFA0", "\u2800",
  "\u202A", "\u202E", "\u2066", "\u2069", "\u0301", "\uFE0F",
  "\uFFFC", "\uFFFE", "\uFFFF", "\uFDD0", "\u{10FFFF}", "\u{E0001}",
];

// Any UTF-16 code unit but U+FFFD, so a U+FFFD in the database can only be a lone surrogate that the
// driver replaced on the way in.
const anyUnit = fc.integer({ min: 0, max: 0xffff }).filter((c) => c !== 0xfffd).map((c) => String.fromCharCode(c));
const hostileChar = fc.constantFrom(...HOSTILE_CHARS);
const INVISIBLE = HOSTILE_CHARS.filter((c) => /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800\u0301\uFE0F]+$/u.test(c));

/** Short strings of hostile characters mixed with any code unit (lone surrogates included). */
export const hostileText = fc.string({ unit: fc.oneof({ weight: 3, arbitrary: hostileChar }, anyUnit), maxLength: 12 });

/**
 * `hostileText` as FormData can carry it: FormData holds USV strings (a browser, and FormData here, turn
 * a lone surrogate into U+FFFD before anything is sent), so the lone surrogates are left out.
 */
export const hostileFormText = hostileText.map((s) => s.toWellFormed().replaceAll("\uFFFD", ""));

// Built once: 100k-character strings of several kinds.
const HUGE = [
  "x".repeat(100_000),
  "张".repeat(100_001),
  "\u200B".repeat(100_000),
  "\u0000".repeat(100_000),
  `a${"\u0301".repeat(100_000)}`,
  `${" ".repeat(50_000)}x${" ".repeat(50_000)}`,
  "\uD800".repeat(100_000),
];

// Where a string belongs: numbers (huge, negative, fractional, NaN…), null, booleans, objects, arrays.
const NOT_STRINGS: unknown[] = [
  0, -1, 1.5, 1e20, -1e20, 2 ** 31, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
  null, true, false, {}, [], [""], ["a", 1], { toString: "x" }, { length: 1e9 },
  "1e20", "-1", "1.5", "NaN", "2147483648", "",
];

/** A value for a field whose valid value is `valid`: a hostile replacement, or the valid value with hostile characters in it. */
export function hostileFor(valid: unknown): fc.Arbitrary<unknown> {
  const text = typeof valid === "string" ? valid : String(valid);
  const sprinkled = fc
    .tuple(hostileText, hostileText, hostileText, fc.nat({ max: text.length }))
    .map(([before, inside, after, at]) => before + text.slice(0, at) + inside + text.slice(at) + after);
  return fc.oneof(
    { weight: 4, arbitrary: sprinkled },
    { weight: 2, arbitrary: hostileText },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...INVISIBLE), minLength: 1, maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
    { weight: 2, arbitrary: fc.constantFrom(...NOT_STRINGS) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Any JSON value, strings of any UTF-16 units included. */
export const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: fc.oneof(hostileChar, anyUnit) });

// ---- Paths into a sample input -----------------------------------------------------------------

type Json = Record<string, unknown> | unknown[];

/** Every path into `value`: its fields, nested objects' fields and array items, and the containers themselves. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return prefix.length ? [prefix] : [];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [...(prefix.length ? [prefix] : []), ...children.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

export function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
}

/** A copy of `value` with `replacement` at `path`; undefined removes the field. */
export function withValueAt<T>(value: T, path: (string | number)[], replacement: unknown): T {
  const copy = structuredClone(value) as Json;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (replacement === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = replacement;
  return copy as T;
}

/** The sample as a browser would post it: its top-level fields as strings (nested parts as "a.b"). */
export function asFormEntries(value: Record<string, unknown>): [string, string][] {
  return pathsOf(value)
    .filter((path) => {
      const v = valueAt(value, path);
      return v === null || typeof v !== "object";
    })
    .map((path) => [path.join("."), String(valueAt(value, path) ?? "")]);
}
