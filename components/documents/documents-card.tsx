import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { maxUploadBytes } from "@/lib/documents/file-rules";
import { formatFileSize } from "@/lib/documents/format";
import { LIST_LIMIT, listDocuments } from "@/lib/documents/queries";
import type { DocumentOwnerType } from "@/lib/documents/schema";
import { formatDateTime } from "@/lib/time";
import { DeleteDocumentDialog } from "./delete-document-dialog";
import { UploadDocumentDialog } from "./upload-document-dialog";

type Props = {
  type: DocumentOwnerType;
  id: string;
  // What the upload dialog says the file goes to.
  uploadDescription: string;
};

/**
 * 电子档案文件 (issue 9 §5) on a contract's or a customer's page: the documents newest first (a
 * customer's own and those of its contracts the user may read), each with 预览 (images, PDF) and 下载,
 * 删除 for its uploader and IT, and 上传文件 for those who may change the record. Read in the
 * signed-in user's scope: nothing at all for a record they may not see.
 */
export async function DocumentsCard({ type, id, uploadDescription }: Props) {
  const user = await requireUser();
  const [t, list] = await Promise.all([getTranslations("documents"), listDocuments(user, type, id)]);
  if (!list) return null;
  const maxBytes = maxUploadBytes();

  return (
    <Card id="documents" className="scroll-mt-20">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>
          {t("section")} <span className="font-normal text-gray-500">({list.rows.length})</span>
        </CardTitle>
        {list.canUpload && (
          <UploadDocumentDialog
            ownerType={type}
            ownerId={id}
            description={uploadDescription}
            maxBytes={maxBytes}
            maxText={formatFileSize(maxBytes, user.locale)}
          />
        )}
      </CardHeader>
      <CardContent>
        {list.rows.length === 0 ? (
          <p className="text-sm text-gray-500">{t("empty")}</p>
        ) : (
          <ul aria-label={t("listCaption")} className="divide-y divide-gray-100 text-sm">
            {list.rows.map((doc) => (
              <li key={doc.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 md:flex-row md:items-center md:justify-between md:gap-4">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <Badge variant="brand">{t(`categories.${doc.category}`)}</Badge>
                    <span className="font-medium break-all text-gray-900">{doc.fileName}</span>
                  </p>
                  <p className="text-gray-500">
                    <span className="tabular-nums">{formatFileSize(doc.size, user.locale)}</span> · {doc.typeLabel} ·{" "}
                    {t("uploadedBy")} {doc.uploadedBy} · <span className="tabular-nums">{formatDateTime(doc.createdAt, user.locale)}</span>
                    {doc.contract && (
                      <>
                        {" · "}
                        <Link href={`/contracts/${doc.contract.id}`} className="text-brand-700 hover:underline">
                          {t("onContract", { number: doc.contract.number })}
                        </Link>
                      </>
                    )}
                  </p>
                </div>
                <div className="flex shrink-0 flex-wrap gap-2">
                  {doc.previewable && (
                    <a
                      href={`/files/${doc.id}`}
                      target="_blank"
                      rel="noopener"
                      aria-label={t("previewLabel", { fileName: doc.fileName })}
                      className={buttonVariants({ variant: "secondary", size: "sm" })}
                    >
                      {t("preview")}
                    </a>
                  )}
                  <a
                    href={`/files/${doc.id}?download=1`}
                    aria-label={t("downloadLabel", { fileName: doc.fileName })}
                    className={buttonVariants({ variant: "secondary", size: "sm" })}
                  >
                    {t("download")}
                  </a>
                  {doc.deletable && <DeleteDocumentDialog id={doc.id} fileName={doc.fileName} />}
                </div>
              </li>
            ))}
          </ul>
        )}
        {list.limited && <p className="mt-3 text-sm text-gray-500">{t("limited", { count: LIST_LIMIT })}</p>}
      </CardContent>
    </Card>
  );
}
