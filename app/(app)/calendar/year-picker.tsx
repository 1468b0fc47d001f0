import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

/**
 * The year shown: 上一年 / 下一年 links and a plain GET form with the years on offer, so it works
 * before (and without) JavaScript and the URL (?year=2026) says which year is open.
 */
export async function YearPicker({ year, years }: { year: number; years: readonly number[] }) {
  const t = await getTranslations("calendar");
  const previous = years.includes(year - 1) ? year - 1 : null;
  const next = years.includes(year + 1) ? year + 1 : null;
  return (
    <nav aria-label={t("yearNav")} className="mb-4 flex flex-wrap items-center gap-2">
      {previous !== null && (
        <ButtonLink href={`/calendar?year=${previous}`} variant="secondary" aria-label={t("previousYear", { year: previous })}>
          <span aria-hidden="true">‹ {previous}</span>
        </ButtonLink>
      )}
      <form action="/calendar" method="get" className="flex items-center gap-2">
        <label htmlFor="calendar-year" className="sr-only">
          {t("year")}
        </label>
        {/* Keyed by the year so that moving to another year (a client-side navigation) selects it here too. */}
        <Select key={year} id="calendar-year" name="year" defaultValue={String(year)} className="w-28">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      {next !== null && (
        <ButtonLink href={`/calendar?year=${next}`} variant="secondary" aria-label={t("nextYear", { year: next })}>
          <span aria-hidden="true">{next} ›</span>
        </ButtonLink>
      )}
    </nav>
  );
}
