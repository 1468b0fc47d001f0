import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "./login";
import { clientIp } from "./client-ip";

class AccountLocked extends CredentialsSignin {
  code = "locked";
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

declare module "next-auth" {
  interface Session {
    sessionVersion?: number;
  }
}

// JWT sessions carry only the user id and sessionVersion; roles, team and active status are
// read from the database on every request (lib/auth/session.ts), so changes apply at once.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate({
          identifier: credentials?.identifier,
          password: credentials?.password,
          ip: clientIp(request.headers),
        });
        if (!result.ok) throw result.reason === "locked" ? new AccountLocked() : new InvalidCredentials();
        return { id: result.user.id, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : undefined;
      return session;
    },
  },
});
