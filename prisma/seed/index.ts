import { describeCalendarImport } from "@/lib/calendar/import-calendar";
import { prisma } from "@/lib/db";
import { DEMO_PASSWORD } from "./demo-users";
import { seedDemo } from "./demo";

// `npm run db:seed`: the demo agency, into the database DATABASE_URL names.
try {
  const summary = await seedDemo(prisma);
  const created = summary.prospects.map((p) => `${p.owner} +${p.created}`).join(", ");
  console.log(`Seeded ${summary.teams} teams, ${summary.users} users, ${summary.dictionaryItems} dictionary items.`);
  console.log(`Prospects created: ${created} (owners who already had prospects are skipped).`);
  console.log(describeCalendarImport(summary.calendarYears));
  console.log(`Demo accounts sign in with the password ${DEMO_PASSWORD}.`);
} catch (error) {
  console.error("Seeding failed:", error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
