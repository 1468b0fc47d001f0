import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TransferRecords } from "@/components/archive/transfer-records";
import { AuditTrail } from "@/components/audit/audit-trail";
import { ChangeFormStatusBadge } from "@/components/change-forms/status-badge";
import { ContractStatusBadge } from "@/components/contracts/status-badge";
import { DocumentPreview } from "@/components/e-archive/document-preview";
import { IdentityNumbers } from "@/components/e-archive/identity-numbers";
import { ProcessStatusBadge, StepStatusBadge } from "@/components/processes/status-badges";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentAccessClient } from "@/lib/access-log/log-access";
import { requirePermission } from "@/lib/auth/session";
import { labeller } from "@/lib/dictionaries/label";
import { formatFileSize } from "@/lib/documents/format";
import { getArchive } from "@/lib/e-archive/queries";
import { formatCny } from "@/lib/money";
import { formatDateTime, isoDateOnly } from "@/lib/time";
import { isRecordId } from "@/lib/validation/record";

type Props = { params: Promise<{ id: string }> };

// 客户电子档案 (section 9, issue 10 §2): one customer's whole file as the user may read it. Every open is
// an access-log row (getArchive writes it); a customer outside the user's reach is the same 404 as one
// that does not exist. Each contract shows its 转案 records (read-only: 补收 and 撤回 are on the contract page).
export default async function ArchivePage({ params }: Props) {
  const user = await requirePermission("archive.search");
  const { id } = await params;
  const archive = isRecordId(id) ? await getArchive(user, id, await currentAccessClient()) : null;
  if (!archive) notFound();
  const [t, tf, tfu, tr, tfi, td] = await Promise.all([
    getTranslations("eArchive.archive"),
    getTranslations("fields"),
    getTranslations("followUps"),
    getTranslations("refunds"),
    getTranslations("finance"),
    getTranslations("documents"),
  ]);
  const label = labeller(user.locale);
  const money = (amount: string) => formatCny(amount, user.locale);
  const c = archive.customer;
  const profile: [string, ReactNode][] = [
    [tf("customerStatus"), t(`status.${c.status}`)],
    [tf("phone"), c.phone],
    [tf("wechat"), c.wechat ?? "—"],
    [tf("gender"), c.gender ? tf(`genders.${c.gender}`) : "—"],
    [tf("birthDate"), c.birthDate ? isoDateOnly(c.birthDate) : "—"],
    [tf("nativePlace"), c.nativePlace ?? "—"],
    [tf("education"), label(c.education) || "—"],
    [tf("country"), label(c.country) || "—"],
    [tf("major"), c.major ?? "—"],
    [tf("email"), c.email ?? "—"],
    [tf("address"), c.address ?? "—"],
    [tf("owner"), c.owner.name],
    [tf("createdAt"), formatDateTime(c.createdAt, user.locale)],
  ];

  return (
    <>
      <PageHeader
        title={t("title", { name: c.name })}
        description={t("description", { owner: c.owner.name })}
        actions={
          <ButtonLink href="/archive/search" variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("profile")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
                {profile.map(([name, value]) => (
                  <div key={name}>
                    <dt className="text-gray-500">{name}</dt>
                    <dd className="break-words text-gray-900">{value}</dd>
                  </div>
                ))}
              </dl>
              <IdentityNumbers customerId={c.id} masked={{ idCard: c.idCard, passport: c.passport }} mayReveal={archive.mayRevealIdentity} />
            </CardContent>
          </Card>

          <section aria-labelledby="archive-contracts" className="space-y-4">
            <h2 id="archive-contracts" className="text-lg font-semibold text-gray-900">
              {t("contracts")} <span className="font-normal text-gray-500">({archive.contracts.length})</span>
            </h2>
            {archive.contracts.length === 0 && <p className="text-sm text-gray-600">{t("contractsEmpty")}</p>}
            {archive.contracts.map((k) => (
              <Card key={k.id}>
                <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                  <CardTitle>
                    {k.number} <ContractStatusBadge status={k.status} className="ml-1 align-middle" />
                  </CardTitle>
                  <Link href={`/contracts/${k.id}`} className="text-sm text-brand-700 hover:underline">
                    {t("openContract")}
                  </Link>
                </CardHeader>
                <CardContent className="space-y-4 text-sm">
                  <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
                    <Fact name={tf("country")} value={label(k.country)} />
                    <Fact name={tf("program")} value={label(k.program)} />
                    <Fact name={tf("signedOn")} value={k.signedOn} />
                    <Fact name={tf("school")} value={k.school} />
                    <Fact name={tf("course")} value={k.course} />
                    <Fact name={tf("owner")} value={k.owner.name} />
                    <Fact name={t("archiveNumber")} value={k.archiveNumber ?? t("archiveNumberNone")} />
                    <Fact name={t("originalsReceivedAt")} value={k.originalsReceivedAt ? formatDateTime(k.originalsReceivedAt, user.locale) : "—"} />
                    <Fact name={t("documentOfficer")} value={k.documentOfficer?.name ?? "—"} />
                    {archive.money && k.firstFee !== null && <Fact name={tf("firstFee")} value={money(k.firstFee)} />}
                    {archive.money && k.secondFee !== null && <Fact name={tf("secondFee")} value={money(k.secondFee)} />}
                  </dl>

                  <div>
                    <h3 className="mb-1 font-medium text-gray-900">{t("processes")}</h3>
                    {k.processes.length === 0 ? (
                      <p className="text-gray-500">{t("processesEmpty")}</p>
                    ) : (
                      k.processes.map((p) => (
                        <details key={p.id} className="mb-2 rounded border border-gray-200 p-2" open={p.status === "IN_PROGRESS"}>
                          <summary className="cursor-pointer">
                            <Link href={`/contracts/${k.id}/processes/${p.id}`} className="font-medium text-brand-700 hover:underline">
                              {p.name}
                            </Link>{" "}
                            <ProcessStatusBadge status={p.status} />
                            {p.documentOfficer && <span className="ml-2 text-gray-600">{t("documentOfficer")}：{p.documentOfficer.name}</span>}
                          </summary>
                          {p.stopReason && <p className="mt-1 text-gray-600">{t("stopped", { reason: p.stopReason })}</p>}
                          <ol className="mt-2 space-y-1">
                            {p.steps.map((s) => (
                              <li key={s.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                                <span className="text-gray-500 tabular-nums">{s.position}.</span>
                                <span className="text-gray-900">{s.name}</span>
                                <StepStatusBadge status={s.status} />
                                {s.completedOn ? (
                                  <span className="text-gray-600">{t("stepDone", { date: s.completedOn })}</span>
                                ) : s.plannedDueOn ? (
                                  <span className="text-gray-600">{t("stepDue", { date: s.plannedDueOn })}</span>
                                ) : null}
                                {s.skipReason && <span className="text-gray-600">{t("skipped", { reason: s.skipReason })}</span>}
                                {s.results.map((r) => (
                                  <span key={r.label} className="text-gray-700">
                                    {r.label}：{r.value}
                                  </span>
                                ))}
                              </li>
                            ))}
                          </ol>
                        </details>
                      ))
                    )}
                  </div>

                  <div>
                    <h3 className="mb-1 font-medium text-gray-900">{t("changeForms")}</h3>
                    {k.changeForms.length === 0 ? (
                      <p className="text-gray-500">{t("changeFormsEmpty")}</p>
                    ) : (
                      <ul className="space-y-1">
                        {k.changeForms.map((f) => (
                          <li key={f.id} className="flex flex-wrap items-center gap-x-2">
                            <Link href={`/change-forms/${f.id}`} className="text-brand-700 hover:underline">
                              {f.number}
                            </Link>
                            <ChangeFormStatusBadge status={f.status} />
                            <span className="text-gray-600">
                              {f.applicant.name} · {formatDateTime(f.createdAt, user.locale)}
                            </span>
                            <span className="break-words text-gray-700">{f.reason}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>

                  <div>
                    <h3 className="mb-1 font-medium text-gray-900">{t("caseTransfers")}</h3>
                    {k.caseTransfers.length === 0 ? <p className="text-gray-500">{t("caseTransfersEmpty")}</p> : <TransferRecords records={k.caseTransfers} locale={user.locale} />}
                  </div>

                  {archive.money && (
                    <div className="grid gap-4 md:grid-cols-2">
                      <div>
                        <h3 className="mb-1 font-medium text-gray-900">{t("receipts")}</h3>
                        {k.receipts.length === 0 ? (
                          <p className="text-gray-500">{t("receiptsEmpty")}</p>
                        ) : (
                          <ul className="space-y-1">
                            {k.receipts.map((r) => (
                              <li key={r.id} className={r.voidedAt ? "text-gray-500 line-through" : "text-gray-900"}>
                                {tfi(`stages.${r.stage}`)} · {money(r.amount)} · {r.receivedOn} · {tfi(`methods.${r.method}`)}
                                {r.voidedAt && <span className="ml-1 no-underline">{t("voided", { reason: r.voidReason ?? "" })}</span>}
                              </li>
                            ))}
                          </ul>
                        )}
                      </div>
                      <div>
                        <h3 className="mb-1 font-medium text-gray-900">{t("refunds")}</h3>
                        {k.refunds.length === 0 ? (
                          <p className="text-gray-500">{t("refundsEmpty")}</p>
                        ) : (
                          <ul className="space-y-1">
                            {k.refunds.map((r) => (
                              <li key={r.id} className="text-gray-900">
                                {money(r.amount)} · {tr(`status.${r.status}`)} · {r.reason}
                              </li>
                            ))}
                          </ul>
                        )}
                      </div>
                    </div>
                  )}
                </CardContent>
              </Card>
            ))}
          </section>

          <Card id="documents">
            <CardHeader>
              <CardTitle>
                {t("documents")} <span className="font-normal text-gray-500">({archive.documents.length})</span>
              </CardTitle>
            </CardHeader>
            <CardContent>
              {archive.documents.length === 0 ? (
                <p className="text-sm text-gray-500">{t("documentsEmpty")}</p>
              ) : (
                <ul className="divide-y divide-gray-100 text-sm">
                  {archive.documents.map((d) => (
                    <li key={d.id} className="flex flex-col gap-2 py-2 md:flex-row md:items-center md:justify-between">
                      <div className="min-w-0">
                        <p className="flex flex-wrap items-center gap-2">
                          <Badge variant="brand">{td(`categories.${d.category}`)}</Badge>
                          <span className="font-medium break-all text-gray-900">{d.fileName}</span>
                        </p>
                        <p className="text-gray-600">
                          {d.typeLabel} · {formatFileSize(d.size, user.locale)} · {d.uploadedBy.name} · {formatDateTime(d.createdAt, user.locale)}
                          {d.contract && <> · {t("onContract", { number: d.contract.number })}</>}
                        </p>
                      </div>
                      <div className="flex shrink-0 gap-2">
                        {d.previewKind && <DocumentPreview id={d.id} fileName={d.fileName} kind={d.previewKind} />}
                        <a href={`/files/${d.id}?download`} className={buttonVariants({ variant: "secondary", size: "sm" })} aria-label={`${t("download")} ${d.fileName}`}>
                          {t("download")}
                        </a>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("followUps")}</CardTitle>
            </CardHeader>
            <CardContent>
              {archive.followUps.length === 0 ? (
                <p className="text-sm text-gray-500">{t("followUpsEmpty")}</p>
              ) : (
                <ol className="space-y-3 text-sm">
                  {archive.followUps.map((f) => (
                    <li key={f.id} className="border-l-2 border-gray-300 pl-3">
                      <p className="text-gray-500">
                        {f.contactedOn} · {tfu(`channels.${f.channel}`)} · {f.author.name}
                      </p>
                      <p className="break-words whitespace-pre-line text-gray-900">{f.content}</p>
                      {f.nextContactOn && <p className="text-gray-600">{t("nextContact", { date: f.nextContactOn })}</p>}
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("transfers")}</CardTitle>
            </CardHeader>
            <CardContent>
              {archive.transfers.length === 0 ? (
                <p className="text-sm text-gray-500">{t("transfersEmpty")}</p>
              ) : (
                <ol className="space-y-3 text-sm">
                  {archive.transfers.map((x) => (
                    <li key={x.id} className="border-l-2 border-gray-300 pl-3">
                      <p className="text-gray-900">{t("transferLine", { from: x.fromUser.name, to: x.toUser.name, by: x.byUser.name })}</p>
                      <p className="text-gray-500">
                        {formatDateTime(x.createdAt, user.locale)} · {t("contractsMoved", { count: x.contractsMoved })}
                      </p>
                      <p className="break-words text-gray-700">{x.reason}</p>
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>
          <AuditTrail entity="Customer" id={c.id} />
        </div>
      </div>
    </>
  );
}

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <dt className="text-gray-500">{name}</dt>
      <dd className="break-words text-gray-900">{value}</dd>
    </div>
  );
}
