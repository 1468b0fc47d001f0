import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractStatus, CountryChangeMoney, CountryChangeStatus, ProcessStatus, RefundStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import { contractOwnerIdFilter, contractScope, reachOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { contractReadWhere } from "@/lib/approvals/read-access";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { textSearch } from "@/lib/lists/search";
import { allowedCountryChangeActions, contractMayChangeCountry, COUNTRY_CHANGE_CONTRACT_STATUSES, type CountryChangeAction } from "./lifecycle";

// Scoped reads of 转国家: the contract page's card (the whole chain of each request), the options of the
// 转国家 dialog, /transfers/country (the contracts that may change country and the requests on them) and
// finance's queue of approved requests waiting for the money decision.

type Label = { labelZh: string; labelEn: string };

/** One request as the contract's card shows it: every stage with its links. Amounts CNY strings. */
export type CountryChangeView = {
  id: string;
  version: number;
  status: CountryChangeStatus;
  requester: { id: string; name: string };
  createdAt: Date;
  fromCountry: Label;
  toCountry: Label;
  template: { id: string; name: string };
  reason: string;
  decidedBy: { name: string } | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  stoppedProcess: { id: string; name: string } | null;
  changeForm: { id: string; number: string } | null;
  newProcess: { id: string; name: string; status: ProcessStatus } | null;
  moneyDecision: CountryChangeMoney | null;
  moneyAmount: string | null;
  moneyDueOn: Date | null;
  moneyNote: string | null;
  moneyDecidedBy: { name: string } | null;
  moneyDecidedAt: Date | null;
  refund: { id: string; status: RefundStatus } | null;
  actions: CountryChangeAction[];
};

const VIEW_SELECT = {
  id: true,
  version: true,
  status: true,
  createdAt: true,
  reason: true,
  requesterId: true,
  decidedAt: true,
  decisionComment: true,
  moneyDecision: true,
  moneyAmount: true,
  moneyDueOn: true,
  moneyNote: true,
  moneyDecidedAt: true,
  requester: { select: { id: true, name: true } },
  fromCountry: { select: { labelZh: true, labelEn: true } },
  toCountry: { select: { labelZh: true, labelEn: true } },
  template: { select: { id: true, name: true } },
  decidedBy: { select: { name: true } },
  stoppedProcess: { select: { id: true, name: true } },
  changeForm: { select: { id: true, number: true } },
  newProcess: { select: { id: true, name: true, status: true } },
  moneyDecidedBy: { select: { name: true } },
  refund: { select: { id: true, status: true } },
} as const satisfies Prisma.CountryChangeRequestSelect;

type ViewRow = Prisma.CountryChangeRequestGetPayload<{ select: typeof VIEW_SELECT }>;

function toView(r: ViewRow, viewer: { id: string; mayAudit: boolean }): CountryChangeView {
  const { requesterId, moneyAmount, ...rest } = r;
  return { ...rest, moneyAmount: moneyAmount?.toFixed(2) ?? null, actions: allowedCountryChangeActions({ ...r, requesterId }, viewer) };
}

/** Whether `user` decides money on contracts in their audit scope (finance, IT). */
function decidesMoney(user: SessionUser): boolean {
  return can(user.roles, "approval.finance") && reachOf(user, "contract", "audit") !== null;
}

export type CountryChangeOptions = {
  countries: { id: string; label: Label }[];
  templates: { id: string; name: string; countryId: string }[];
};

/**
 * The 转国家 dialog's choices for a contract of `countryId` and `programId`: the active countries but
 * that one, and the templates of those countries that may be bound to the contract's programme (not
 * retired; the service checks again, with the version's steps).
 */
export async function countryChangeOptions(contract: { countryId: string; programId: string }): Promise<CountryChangeOptions> {
  const [countries, templates] = await Promise.all([
    prisma.dictionaryItem.findMany({
      where: { kind: "COUNTRY", active: true, id: { not: contract.countryId } },
      orderBy: [{ sortOrder: "asc" }, { labelZh: "asc" }],
      select: { id: true, labelZh: true, labelEn: true },
    }),
    prisma.processTemplate.findMany({
      where: {
        retiredAt: null,
        countryId: { not: contract.countryId },
        OR: [{ programIds: { isEmpty: true } }, { programIds: { has: contract.programId } }],
      },
      orderBy: [{ name: "asc" }],
      select: { id: true, name: true, countryId: true },
    }),
  ]);
  const withTemplate = new Set(templates.map((t) => t.countryId));
  return {
    countries: countries.filter((c) => withTemplate.has(c.id)).map((c) => ({ id: c.id, label: { labelZh: c.labelZh, labelEn: c.labelEn } })),
    templates,
  };
}

export type ContractCountryChanges = {
  /** The 转国家 button: transfer.country, the change scope, a state that may change and nothing pending. */
  canRequest: boolean;
  options: CountryChangeOptions | null;
  requests: CountryChangeView[];
};

/**
 * The contract page's 转国家 card: the contract's requests newest first with each stage (request,
 * decision, stopped process, change form, new process, money decision) and the actions the user may
 * take, and whether (with what choices) the user may file one. Null when the user may not read the
 * contract (its readers, and the managers deciding on it: lib/approvals/read-access.ts).
 */
export async function getContractCountryChanges(user: SessionUser, contractId: string): Promise<ContractCountryChanges | null> {
  const contract = await prisma.contract.findFirst({
    where: await contractReadWhere(user, contractId),
    select: { id: true, status: true, countryId: true, programId: true },
  });
  if (!contract) return null;
  const [rows, inChangeScope] = await Promise.all([
    prisma.countryChangeRequest.findMany({ where: { contractId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50, select: VIEW_SELECT }),
    can(user.roles, "transfer.country")
      ? prisma.contract.count({ where: { AND: [{ id: contractId }, await contractScope(user, "change")] } })
      : Promise.resolve(0),
  ]);
  const canRequest = inChangeScope > 0 && contractMayChangeCountry(contract.status) && !rows.some((r) => r.status === "PENDING_MANAGER");
  const viewer = { id: user.id, mayAudit: decidesMoney(user) };
  return {
    canRequest,
    options: canRequest ? await countryChangeOptions(contract) : null,
    requests: rows.map((r) => toView(r, viewer)),
  };
}

export type MoneyQueueRow = CountryChangeView & { contract: { id: string; number: string; customerName: string; ownerName: string; netReceived: string } };

/**
 * Finance's 转国家费用 queue: approved requests whose money is not decided yet, on contracts in the user's
 * audit scope (finance and IT: all), oldest approval first, paged. Empty for anyone else.
 */
export async function countryChangeMoneyQueue(user: SessionUser, page: { page: number; size?: number }): Promise<Paged<MoneyQueueRow>> {
  const where: Prisma.CountryChangeRequestWhereInput = decidesMoney(user)
    ? { status: "APPROVED", moneyDecision: null, contract: await contractScope(user, "audit") }
    : { id: { in: [] } };
  const orderBy: Prisma.CountryChangeRequestOrderByWithRelationInput[] = [{ decidedAt: "asc" }, { id: "asc" }];
  const paged = await paginate({ page: page.page, size: page.size ?? 20 }, orderBy, {
    count: (args) => prisma.countryChangeRequest.count({ where, ...args }),
    rows: (args) =>
      prisma.countryChangeRequest.findMany({
        where,
        ...args,
        select: {
          ...VIEW_SELECT,
          contract: {
            select: { id: true, number: true, customerName: true, owner: { select: { name: true } }, firstReceived: true, secondReceived: true, otherReceived: true, refunded: true },
          },
        },
      }),
  });
  const viewer = { id: user.id, mayAudit: true };
  return {
    ...paged,
    rows: paged.rows.map(({ contract: c, ...r }) => ({
      ...toView(r, viewer),
      contract: {
        id: c.id,
        number: c.number,
        customerName: c.customerName,
        ownerName: c.owner.name,
        netReceived: c.firstReceived.plus(c.secondReceived).plus(c.otherReceived).minus(c.refunded).toFixed(2),
      },
    })),
  };
}

/** How many approved requests wait for `user`'s money decision (the menu's badge); 0 for anyone else. */
export async function countryChangeMoneyCount(user: SessionUser): Promise<number> {
  if (!decidesMoney(user)) return 0;
  return prisma.countryChangeRequest.count({ where: { status: "APPROVED", moneyDecision: null, contract: await contractScope(user, "audit") } });
}

export type ChangeableContractRow = {
  id: string;
  number: string;
  customerName: string;
  status: ContractStatus;
  country: Label;
  ownerName: string;
};

/**
 * /transfers/country's first list: the contracts in the user's change scope that may change country
 * (COUNTRY_CHANGE_CONTRACT_STATUSES), newest signing first, searched by 合同号 or client name, paged.
 */
export async function listChangeableContracts(user: SessionUser, p: { q?: string; page: number }): Promise<Paged<ChangeableContractRow>> {
  const and: Prisma.ContractWhereInput[] = [await contractScope(user, "change"), { status: { in: [...COUNTRY_CHANGE_CONTRACT_STATUSES] } }];
  if (p.q) {
    and.push(textSearch<Prisma.ContractWhereInput>(p.q, (f) => [{ number: f }, { customerName: f }], (key) => ({ searchGrams: { has: key } })));
  }
  const where: Prisma.ContractWhereInput = can(user.roles, "transfer.country") ? { AND: and } : { id: { in: [] } };
  const orderBy: Prisma.ContractOrderByWithRelationInput[] = [{ signedOn: "desc" }, { id: "desc" }];
  const paged = await paginate({ page: p.page, size: 20 }, orderBy, {
    count: (args) => prisma.contract.count({ where, ...args }),
    rows: (args) =>
      prisma.contract.findMany({
        where,
        ...args,
        select: { id: true, number: true, customerName: true, status: true, country: { select: { labelZh: true, labelEn: true } }, owner: { select: { name: true } } },
      }),
  }, { countInOrder: !p.q });
  return { ...paged, rows: paged.rows.map((c) => ({ id: c.id, number: c.number, customerName: c.customerName, status: c.status, country: c.country, ownerName: c.owner.name })) };
}

export type RequestListRow = CountryChangeView & { contract: { id: string; number: string; customerName: string } };

/**
 * /transfers/country's second list: the requests on contracts in the user's change scope (on the
 * requests' copy of the contract's consultant), newest first, paged.
 */
export async function listCountryChangeRequests(user: SessionUser, p: { page: number }): Promise<Paged<RequestListRow>> {
  const owner = can(user.roles, "transfer.country") ? await contractOwnerIdFilter(user, "change") : "none";
  const where: Prisma.CountryChangeRequestWhereInput = owner === "none" ? { id: { in: [] } } : owner === "all" ? {} : { contractOwnerId: owner };
  const orderBy: Prisma.CountryChangeRequestOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const paged = await paginate({ page: p.page, size: 20 }, orderBy, {
    count: (args) => prisma.countryChangeRequest.count({ where, ...args }),
    rows: (args) =>
      prisma.countryChangeRequest.findMany({ where, ...args, select: { ...VIEW_SELECT, contract: { select: { id: true, number: true, customerName: true } } } }),
  });
  const viewer = { id: user.id, mayAudit: decidesMoney(user) };
  return { ...paged, rows: paged.rows.map(({ contract, ...r }) => ({ ...toView(r, viewer), contract })) };
}
