import { z } from "zod";

// How an action input names a stored record: its id (the ids Prisma makes are cuids; 40 characters
// also fits a UUID) and, for edits, the version the user started from. A malformed one is a field
// error ("invalid") before any query runs; a well-formed one that matches nothing is the service's
// "not found". Messages are keys of the `validation` namespace.

const RECORD_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** True for a string shaped like a record id (letters, digits, - and _, at most 40). */
export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value);
}

const idString = () => z.string({ error: (issue) => (issue.input === undefined ? "required" : "invalid") }).trim();

/** A required record id: "" is "required", anything not shaped like an id is "invalid". */
export const recordId = () => idString().refine(isRecordId, { error: (issue) => (issue.input === "" ? "required" : "invalid") });

/** An optional record id (an unselected dictionary select sends ""): "" becomes null. */
export const optionalRecordId = () =>
  idString()
    .refine((v) => v === "" || isRecordId(v), "invalid")
    .transform((v) => (v === "" ? null : v));

// PostgreSQL's int4, which every `version` column is: a larger number would reach the database and fail there.
const INT4_MAX = 2_147_483_647;

/**
 * A record's `version` as a positive int4: a number, or its digits as a string (FormData). Anything
 * else (fractions, NaN, 1e20, negative, objects) is "invalid".
 */
export const recordVersion = () =>
  z
    .union([z.number(), z.string().trim().regex(/^\d{1,10}$/).transform(Number)], { error: "invalid" })
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= INT4_MAX, "invalid");
