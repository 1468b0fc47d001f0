import "server-only";
import { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError } from "@/lib/errors";
import { archivePatternError, DEFAULT_ARCHIVE_NUMBER_PATTERN } from "./number-pattern";
import { TRANSFER_DAYS_MAX } from "./settings-limits";

// The archive centre's settings 信息中心 configures (issue 10 §1), one SystemSetting row (key "archive"):
// the archive number pattern and the hand-off time limits in working days. Missing row = defaults.

export const ARCHIVE_SETTINGS_KEY = "archive";

/** The archive settings: the number pattern and each hand-off's time limit in working days. */
export type ArchiveSettings = {
  numberPattern: string;
  /** 咨询 → 档案中心: working days from 发起转案 to the archive centre's 签收. */
  toArchiveDays: number;
  /** 档案中心 → 文案: working days from 接收 to the 文案's 签收. */
  toDocumentDays: number;
};

export const DEFAULT_ARCHIVE_SETTINGS: ArchiveSettings = { numberPattern: DEFAULT_ARCHIVE_NUMBER_PATTERN, toArchiveDays: 3, toDocumentDays: 2 };


const stored = z.object({
  numberPattern: z.string().refine((p) => archivePatternError(p) === null),
  toArchiveDays: z.number().int().min(0).max(TRANSFER_DAYS_MAX),
  toDocumentDays: z.number().int().min(0).max(TRANSFER_DAYS_MAX),
});

/**
 * The archive settings and the row's version (0 when 信息中心 never saved them: the defaults). A row
 * that no longer parses (edited by hand) falls back to the defaults rather than break every 接收.
 */
export async function getArchiveSettings(db: Tx = prisma): Promise<ArchiveSettings & { version: number }> {
  const row = await db.systemSetting.findUnique({ where: { key: ARCHIVE_SETTINGS_KEY }, select: { value: true, version: true } });
  if (!row) return { ...DEFAULT_ARCHIVE_SETTINGS, version: 0 };
  const parsed = stored.safeParse(row.value);
  return { ...(parsed.success ? parsed.data : DEFAULT_ARCHIVE_SETTINGS), version: row.version };
}

/**
 * Saves the archive settings (信息中心, permission archive.settings) at `version` (0: never saved). The
 * pattern must pass archivePatternError (DomainError "invalidInput" on numberPattern otherwise); a stale
 * version is ConflictError. Audited (entity SystemSetting). Returns the new version. Numbers already
 * given keep their form; the next 接收 uses the new pattern.
 */
export async function saveArchiveSettings(user: SessionUser, input: ArchiveSettings & { version: number }): Promise<{ version: number }> {
  const error = archivePatternError(input.numberPattern);
  if (error) throw new DomainError("invalidInput", { numberPattern: [error] });
  const value = { numberPattern: input.numberPattern, toArchiveDays: input.toArchiveDays, toDocumentDays: input.toDocumentDays };
  return prisma.$transaction(async (tx) => {
    const before = await getArchiveSettings(tx);
    if (before.version !== input.version) throw new ConflictError();
    if (input.version === 0) {
      const inserted = await tx.$executeRaw`
        INSERT INTO "SystemSetting" ("key", "value", "version", "updatedAt", "updatedById")
        VALUES (${ARCHIVE_SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, 1, now(), ${user.id})
        ON CONFLICT ("key") DO NOTHING`;
      if (inserted === 0) throw new ConflictError();
    } else {
      const { count } = await tx.systemSetting.updateMany({
        where: { key: ARCHIVE_SETTINGS_KEY, version: input.version },
        data: { value, version: { increment: 1 }, updatedById: user.id },
      });
      if (count === 0) throw new ConflictError();
    }
    const { version: _v, ...old } = before;
    await writeAudit(tx, { actorId: user.id, action: "settings.archive", entity: "SystemSetting", entityId: ARCHIVE_SETTINGS_KEY, before: old, after: value });
    return { version: input.version + 1 };
  });
}
