import { createHash } from "crypto";

export interface User {
  email: string;
  passwordHash: string;
}

const digest = (s: string) => createHash("sha1").update(s).digest("hex");

export function newUser(email: string, password: string): User {
  return { email, passwordHash: digest(password) };
}
