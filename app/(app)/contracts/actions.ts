"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { contractStepSchema, createContractSchema, signSchema, updateContractSchema } from "@/lib/contracts/schema";
import { createContract, signCustomer, submitContract, updateContract, withdrawContract } from "@/lib/contracts/service";

// A contract shows on 我的合同, on its client's page and (through its status) in the client list.
function revalidateContract(contractId: string, customerId?: string) {
  revalidatePath("/contracts");
  revalidatePath(`/contracts/${contractId}`);
  revalidatePath("/clients");
  if (customerId) revalidatePath(`/clients/${customerId}`);
  else revalidatePath("/clients/[id]", "page");
}

export const signCustomerAction = action({ schema: signSchema, permission: "contract.create" }, async (input, user) => {
  const signed = await signCustomer(user, input);
  revalidatePath("/prospects");
  revalidatePath(`/prospects/${signed.customerId}`);
  revalidateContract(signed.contractId, signed.customerId);
  return signed;
});

export const createContractAction = action(
  { schema: createContractSchema, permission: "contract.create" },
  async (input, user) => {
    const created = await createContract(user, input);
    revalidateContract(created.contractId, input.customerId);
    return created;
  },
);

export const updateContractAction = action(
  { schema: updateContractSchema, permission: "contract.update" },
  async (input, user) => {
    const updated = await updateContract(user, input);
    revalidateContract(updated.id);
    return updated;
  },
);

export const submitContractAction = action({ schema: contractStepSchema, permission: "contract.update" }, async (input, user) => {
  const moved = await submitContract(user, input);
  revalidateContract(moved.id);
  return moved;
});

export const withdrawContractAction = action({ schema: contractStepSchema, permission: "contract.update" }, async (input, user) => {
  const moved = await withdrawContract(user, input);
  revalidateContract(moved.id);
  return moved;
});
