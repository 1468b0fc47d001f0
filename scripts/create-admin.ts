import { parseArgs } from "node:util";
import { writeAudit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordProblem } from "@/lib/auth/schema";
import { prisma } from "@/lib/db";

// `npm run admin:create -- --username x --name 名字 [--email e]`: production has no default
// account, so this is how the first IT administrator comes to exist. The password comes from
// ADMIN_PASSWORD or stdin, never from the command line (it would land in the shell history).

const USAGE = "Usage: npm run admin:create -- --username <name> --name <display name> [--email <address>]\n" +
  "The password is read from ADMIN_PASSWORD, or from stdin (prompted for when stdin is a terminal).";

// A refusal the operator can fix; `usage` says whether the usage text helps.
class CommandError extends Error {
  constructor(message: string, readonly usage = false) {
    super(message);
  }
}

function readArgs(): { username: string; name: string; email: string | null } {
  const { values } = parseArgs({
    options: { username: { type: "string" }, name: { type: "string" }, email: { type: "string" } },
    strict: true,
  });
  // Sign-in lowercases what is typed, so usernames and emails are stored lowercase.
  const username = values.username?.trim().toLowerCase() ?? "";
  const name = values.name?.trim() ?? "";
  const email = values.email?.trim().toLowerCase() || null;
  if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(username)) {
    throw new CommandError("--username must be 3–32 letters, digits, '.', '_' or '-', starting with a letter or digit.", true);
  }
  if (!name || name.length > 50) throw new CommandError("--name is required (at most 50 characters).", true);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new CommandError("--email is not an email address.", true);
  return { username, name, email };
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    let input = "";
    for await (const chunk of process.stdin) input += chunk;
    return input.split(/\r?\n/)[0];
  }
  const password = await promptHidden("Password: ");
  if ((await promptHidden("Repeat password: ")) !== password) throw new CommandError("The passwords do not match.");
  return password;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let value = "";
    // Raw mode before the question: whatever is typed after it appears must not be echoed.
    stdin.setRawMode(true);
    process.stdout.write(question);
    stdin.setEncoding("utf8");
    stdin.resume();
    const done = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003") return done(new CommandError("Cancelled."));
        if (char === "\u007f" || char === "\b") value = [...value].slice(0, -1).join("");
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function main(): Promise<void> {
  const { username, name, email } = readArgs();
  const password = await readPassword();
  const problem = newPasswordProblem(password);
  if (problem) throw new CommandError(problem);

  const taken = await prisma.user.findFirst({
    where: { OR: [{ username }, ...(email ? [{ email }] : [])] },
    select: { username: true },
  });
  if (taken) {
    throw new CommandError(
      taken.username === username ? `A user named "${username}" already exists.` : `The email ${email} is already in use.`,
    );
  }

  const passwordHash = await hashPassword(password);
  const user = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { username, name, email, passwordHash, roles: ["IT_ADMIN"], active: true },
      select: { id: true, username: true, name: true, email: true, roles: true },
    });
    const { id, ...after } = created;
    await writeAudit(tx, { actorId: null, action: "user.create", entity: "User", entityId: id, after });
    return created;
  });
  console.log(`Created IT administrator ${user.username} (${user.name}).`);
}

try {
  await main();
} catch (error) {
  const badArguments = error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
  if (error instanceof CommandError || badArguments) {
    console.error(error.message);
    if (badArguments || (error instanceof CommandError && error.usage)) console.error(USAGE);
  } else {
    console.error("Could not create the administrator:", error);
  }
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
