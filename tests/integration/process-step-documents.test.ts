import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findDocumentForDownload } from "@/lib/documents/queries";
import { uploadDocument } from "@/lib/documents/upload-document";
import type { ProcessStatus } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import * as samples from "../sample-files";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 上传 onto a process step (issue 9 §4–§5): the document names the step, its contract and customer, goes
// on the process timeline, and is uploaded and read by who may work and read the process — the
// assigned 文案 included, who reads no contract — and by nobody else.

describe("documents of a process step", () => {
  let dir: string;
  let storage: LocalDiskStorage;
  let consultant: SessionUser;
  let officer: SessionUser;
  let otherOfficer: SessionUser;
  let otherConsultant: SessionUser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "step-docs-"));
    storage = new LocalDiskStorage(dir);
    const team = await createTeam();
    consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    otherConsultant = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
    officer = await createUser(["DOCUMENT_OFFICER"]);
    otherOfficer = await createUser(["DOCUMENT_OFFICER"]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function stepOfCase(status: ProcessStatus = "IN_PROGRESS") {
    const customer = await createCustomer(consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, consultant, { status: "IN_SERVICE" });
    const template = await prisma.processTemplate.create({
      data: { countryId: contract.countryId, name: `英国${randomUUID().slice(0, 6)}`, versions: { create: { version: 1 } } },
      include: { versions: true },
    });
    const process = await prisma.contractProcess.create({
      data: {
        contractId: contract.id,
        templateVersionId: template.versions[0].id,
        name: template.name,
        boundById: consultant.id,
        status,
        stopReason: status === "STOPPED" ? "转国家" : null,
        documentOfficerId: officer.id,
        steps: { create: { position: 1, name: "递交申请", role: "DOCUMENT_OFFICER", status: "IN_PROGRESS", ownerId: officer.id, plannedDays: 5 } },
      },
      include: { steps: true },
    });
    return { customer, contract, process, step: process.steps[0] };
  }

  const input = (stepId: string) => ({
    ownerType: "step" as const,
    ownerId: stepId,
    category: "OFFER" as const,
    file: new File([samples.samplePdf(randomUUID())], "录取通知书.pdf"),
    confirmDuplicate: false,
  });

  it("the assigned 文案 uploads onto the step: the document names step, contract and customer, and the timeline says so", async () => {
    const { customer, contract, process, step } = await stepOfCase();
    const { id } = await uploadDocument(officer, input(step.id), storage);
    const doc = await prisma.document.findUniqueOrThrow({ where: { id } });
    expect([doc.stepId, doc.contractId, doc.customerId]).toEqual([step.id, contract.id, customer.id]);
    const history = await prisma.processHistory.findMany({ where: { processId: process.id } });
    expect(history.map((h) => [h.action, h.stepId, h.actorId])).toEqual([["UPLOAD", step.id, officer.id]]);
    // Readers: the 文案 (no contract read of their own), the contract's consultant; not another 文案 or consultant.
    expect(await findDocumentForDownload(officer, id)).not.toBeNull();
    expect(await findDocumentForDownload(consultant, id)).not.toBeNull();
    expect(await findDocumentForDownload(otherOfficer, id)).toBeNull();
    expect(await findDocumentForDownload(otherConsultant, id)).toBeNull();
  });

  it("another 文案 or consultant cannot upload onto it, nor anyone once the process is not 执行中; nothing is written", async () => {
    const { step } = await stepOfCase();
    const { step: stopped } = await stepOfCase("STOPPED");
    const before = await prisma.document.count();
    await expect(uploadDocument(otherOfficer, input(step.id), storage)).rejects.toBeInstanceOf(NotFoundError);
    await expect(uploadDocument(otherConsultant, input(step.id), storage)).rejects.toBeInstanceOf(NotFoundError);
    await expect(uploadDocument(officer, input(stopped.id), storage)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.document.count()).toBe(before);
    // The contract's consultant works any step of it.
    await expect(uploadDocument(consultant, input(step.id), storage)).resolves.toMatchObject({ fileName: "录取通知书.pdf" });
  });
});
