import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Gender } from "@/lib/generated/prisma/enums";
import { dictionaryLabel } from "@/lib/dictionaries/label";
import { isoDateOnly } from "@/lib/time";

export type ClientSummaryData = {
  id: string;
  name: string;
  phone: string;
  gender: Gender | null;
  // Already masked by the query for roles that do not need the full number.
  idCard: string | null;
  birthDate: Date | null;
  nativePlace: string | null;
  education: { labelZh: string; labelEn: string } | null;
};

// The client a contract belongs to, read-only, with a link to the client's own page.
export function ClientSummary({ client, locale, title }: { client: ClientSummaryData; locale: string; title?: string }) {
  const tf = useTranslations("fields");
  const rows: [string, string][] = [
    [tf("phone"), client.phone],
    [tf("gender"), client.gender ? tf(`genders.${client.gender}`) : "—"],
    [tf("idCard"), client.idCard ?? "—"],
    [tf("birthDate"), isoDateOnly(client.birthDate) || "—"],
    [tf("nativePlace"), client.nativePlace ?? "—"],
    [tf("education"), dictionaryLabel(client.education, locale)],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title ?? tf("customer")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <dt className="text-gray-500">{tf("name")}</dt>
            <dd>
              <Link href={`/clients/${client.id}`} className="font-medium text-brand-700 hover:underline">
                {client.name}
              </Link>
            </dd>
          </div>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="text-gray-500">{label}</dt>
              <dd className="break-words text-gray-900">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
