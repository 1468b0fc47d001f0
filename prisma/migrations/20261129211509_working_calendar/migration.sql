-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "CalendarDaySource" AS ENUM ('PACKAGE', 'MANUAL');

-- CreateTable
CREATE TABLE "CalendarDay" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "source" "CalendarDaySource" NOT NULL,
    "packageVersion" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "packageVersion" TEXT NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarDay_date_key" ON "CalendarDay"("date");

-- AddForeignKey
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarYear" ADD CONSTRAINT "CalendarYear_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only exceptions are stored (schema.prisma, CalendarDay): a holiday on Monday to Friday, a make-up
-- working day on Saturday or Sunday. ISODOW: Monday = 1 … Sunday = 7. Not in the Prisma schema, which
-- has no CHECK constraints; `prisma migrate` and db:migrate:check leave it alone.
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_kind_matches_weekday"
    CHECK (("kind" = 'HOLIDAY') = (EXTRACT(ISODOW FROM "date") <= 5));

-- A package row says which package version it came from; a row 信息中心 entered has none.
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_package_version"
    CHECK (("source" = 'PACKAGE') = ("packageVersion" IS NOT NULL));
