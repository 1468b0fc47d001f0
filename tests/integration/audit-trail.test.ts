import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getAuditTrailWithReferences } from "@/lib/audit/queries";
import { EMPTY_PROSPECT, prospectSchema, updateProspectSchema } from "@/lib/customers/schema";
import { createProspect, updateProspect } from "@/lib/customers/prospect-service";
import { transferCustomers } from "@/lib/transfers/service";
import { createDictionaryItem, createTeam, createUser, uniquePhone } from "./fixtures";

describe("修改记录 with what its rows refer to", () => {
  it("labels the dictionary items (a retired one too) and names the users the rows mention, newest first", async () => {
    const team = await createTeam();
    const owner = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
    const receiver = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
    const uk = await createDictionaryItem("COUNTRY", "英国测");
    const au = await createDictionaryItem("COUNTRY", "澳洲测");
    const values = { ...EMPTY_PROSPECT, name: "记录甲", phone: uniquePhone(), countryId: uk.id };
    const { id } = await createProspect(owner, prospectSchema.parse(values));
    await updateProspect(owner, updateProspectSchema.parse({ ...values, countryId: au.id, id, version: 1 }));
    // Retired after the edit: old entries must still read as a country.
    await prisma.dictionaryItem.update({ where: { id: uk.id }, data: { active: false } });
    await transferCustomers(owner, { customerIds: [id], toUserId: receiver.id, reason: "换人跟进", keepContracts: false });

    const trail = await getAuditTrailWithReferences(receiver, "Customer", id);
    expect(trail.entries.map((e) => e.action)).toEqual(["customer.transfer", "prospect.update", "prospect.create"]);
    expect(trail.dictionary).toEqual(new Map([
      [uk.id, "英国测"],
      [au.id, "澳洲测"],
    ]));
    expect(trail.users).toEqual(new Map([
      [owner.id, "顾问甲"],
      [receiver.id, "顾问乙"],
    ]));
  });

  it("is empty, with nothing looked up, for a record outside the reader's scope", async () => {
    const owner = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
    const stranger = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
    const country = await createDictionaryItem("COUNTRY");
    const { id } = await createProspect(owner, prospectSchema.parse({ ...EMPTY_PROSPECT, name: "外人", phone: uniquePhone(), countryId: country.id }));
    const trail = await getAuditTrailWithReferences(stranger, "Customer", id);
    expect(trail).toEqual({ entries: [], dictionary: new Map(), users: new Map() });
  });
});
