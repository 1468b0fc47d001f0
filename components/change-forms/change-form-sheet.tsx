import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { changeLines, type ChangeFormDetail } from "@/lib/change-forms/queries";
import { formatDateTime } from "@/lib/time";
import { ChangeLinesTable } from "./change-lines";
import { ChangeFormStatusBadge } from "./status-badge";

type Props = { user: SessionUser; form: ChangeFormDetail };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-gray-500">{label}</dt>
      <dd className="break-words whitespace-pre-line text-gray-900">{children}</dd>
    </div>
  );
}

/**
 * The 技术维护单 as the paper the manual asks for (form XX-08), on screen and in print (A4): form
 * number, 合同号, 客户姓名, each 变更项 with its 内容 (old → new), the reason, the applicant, the
 * manager's decision and time (on whose behalf, comment), and who applied or declined it and when.
 */
export async function ChangeFormSheet({ user, form }: Props) {
  const [t, tAll] = await Promise.all([getTranslations("changeForms"), getTranslations()]);
  const td = (key: string, values?: Record<string, string>) => t(`detail.${key}`, values);
  const when = (date: Date | null) => (date ? formatDateTime(date, user.locale) : "—");
  const lines = changeLines(user, tAll, form);
  const declined = form.status === "DECLINED";

  return (
    <article
      aria-labelledby="change-form-title"
      className="change-form-sheet mx-auto max-w-[210mm] rounded-lg border border-gray-200 bg-white p-5 text-sm shadow-sm sm:p-8 print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b-2 border-gray-900 pb-3">
        <div>
          <h2 id="change-form-title" className="text-xl font-semibold text-gray-900">
            {t("title")}
          </h2>
          <p className="text-gray-500">{t("formCode")}</p>
        </div>
        <div className="text-right">
          <p className="font-mono text-base font-semibold text-gray-900">{form.number}</p>
          <ChangeFormStatusBadge status={form.status} className="mt-1 print:ring-0" />
        </div>
      </header>

      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 print:grid-cols-2">
        <Row label={td("contractNumber")}>{form.contract.number}</Row>
        <Row label={td("clientName")}>{form.customer.name}</Row>
        <Row label={td("applicant")}>{form.applicant.name}</Row>
        <Row label={td("filedAt")}>{when(form.createdAt)}</Row>
      </dl>

      <section className="mt-6" aria-labelledby="change-form-items">
        <h3 id="change-form-items" className="mb-1 font-semibold text-gray-900">
          {td("content")}
        </h3>
        <ChangeLinesTable lines={lines} />
      </section>

      <section className="mt-6" aria-labelledby="change-form-reason">
        <h3 id="change-form-reason" className="mb-1 font-semibold text-gray-900">
          {td("reason")}
        </h3>
        <p className="break-words whitespace-pre-line text-gray-900">{form.reason}</p>
      </section>

      <section className="mt-6 break-inside-avoid" aria-labelledby="change-form-decision">
        <h3 id="change-form-decision" className="mb-1 font-semibold text-gray-900">
          {td("managerDecision")}
        </h3>
        {form.decisions.length === 0 ? (
          <p className="text-gray-500">{td("noDecision")}</p>
        ) : (
          form.decisions.map((d) => (
            <dl key={d.id} className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-3 print:grid-cols-3">
              <Row label={td("decision")}>{td(`decisions.${d.decision}`)}</Row>
              <Row label={td("decider")}>
                {d.onBehalfOf ? td("deputy", { name: d.decider.name, principal: d.onBehalfOf.name }) : d.decider.name}
              </Row>
              <Row label={td("decidedAt")}>{when(d.createdAt)}</Row>
              {d.comment && (
                <div className="sm:col-span-3 print:col-span-3">
                  <Row label={td("comment")}>{d.comment}</Row>
                </div>
              )}
            </dl>
          ))
        )}
      </section>

      <section className="mt-6 break-inside-avoid" aria-labelledby="change-form-it">
        <h3 id="change-form-it" className="mb-1 font-semibold text-gray-900">
          {td("itSection")}
        </h3>
        {form.appliedBy ? (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-3 print:grid-cols-3">
            <Row label={td(declined ? "declinedBy" : "appliedBy")}>{form.appliedBy.name}</Row>
            <Row label={td(declined ? "declinedAt" : "appliedAt")}>{when(form.appliedAt)}</Row>
            {declined && <Row label={td("declineReason")}>{form.declineReason ?? "—"}</Row>}
          </dl>
        ) : (
          <p className="text-gray-500">{td("notApplied")}</p>
        )}
      </section>

      {/* Room for the signatures the paper form carries; only on paper. */}
      <div className="mt-10 hidden grid-cols-3 gap-6 print:grid">
        {[td("applicant"), td("managerDecision"), td("itSection")].map((who) => (
          <p key={who} className="border-t border-gray-900 pt-1 text-gray-700">
            {td("signature", { who })}
          </p>
        ))}
      </div>
    </article>
  );
}
