"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { createContract } from "./create-contract";
import { contractStepSchema, createContractSchema, signSchema, updateContractSchema } from "./schema";
import { signCustomer } from "./sign-customer";
import { changeContractStatus } from "./transition";
import { updateContract } from "./update-contract";

// A contract shows on 我的合同, on its client's page and (through its status) in the client list.
function revalidateContract(contractId: string, customerId?: string) {
  revalidatePath("/contracts");
  revalidatePath(`/contracts/${contractId}`);
  revalidatePath("/clients");
  if (customerId) revalidatePath(`/clients/${customerId}`);
  else revalidatePath("/clients/[id]", "page");
}

/** 签约 from 我的准客户 (section 2): `SignFormValues` in; `{ customerId, contractId }` out. */
export const signCustomerAction = action({ schema: signSchema, permission: "contract.create" }, async (input, user) => {
  const signed = await signCustomer(user, input);
  revalidatePath("/prospects");
  revalidatePath(`/prospects/${signed.customerId}`);
  revalidateContract(signed.contractId, signed.customerId);
  return signed;
});

/** 创建合同 for a signed client (section 3): `{ customerId, contract, submit }` in; `{ contractId }` out. */
export const createContractAction = action(
  { schema: createContractSchema, permission: "contract.create" },
  async (input, user) => {
    const created = await createContract(user, input);
    revalidateContract(created.contractId, input.customerId);
    return created;
  },
);

/** 编辑 a 草稿 contract (section 4): `{ id, version, contract }` in; the new `{ id, version }` out. */
export const updateContractAction = action(
  { schema: updateContractSchema, permission: "contract.update" },
  async (input, user) => {
    const updated = await updateContract(user, input);
    revalidateContract(updated.id);
    return updated;
  },
);

/** 提交 a 草稿 to the manager: `{ id, version }` in; the new `{ id, status, version }` out. */
export const submitContractAction = action({ schema: contractStepSchema, permission: "contract.update" }, async (input, user) => {
  const moved = await changeContractStatus(user, input, "submit");
  revalidateContract(moved.id);
  return moved;
});

/** 撤回 a contract waiting for the manager back to 草稿: `{ id, version }` in; the new `{ id, status, version }` out. */
export const withdrawContractAction = action({ schema: contractStepSchema, permission: "contract.update" }, async (input, user) => {
  const moved = await changeContractStatus(user, input, "withdraw");
  revalidateContract(moved.id);
  return moved;
});
