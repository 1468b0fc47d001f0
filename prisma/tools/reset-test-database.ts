import pg from "pg";

// Drops and re-creates the public schema of a disposable test database. Everything in it is lost,
// so it refuses any database whose name does not say it is one.
export async function resetTestDatabase(url: string, purpose: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database.toLowerCase().includes("test")) {
    throw new Error(`Refusing to reset database "${database}" for ${purpose}: its name must contain "test".`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}
