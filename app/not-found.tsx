import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("errors.notFound.title") };
}

export default function NotFound() {
  return <StatusPage kind="notFound" />;
}
