import type { Request, Response } from "express";
import { verifyCredentials } from "./credentials";

export async function postLogin(req: Request, res: Response): Promise<void> {
  const user = await verifyCredentials(req.body.email, req.body.password);
  if (!user) {
    res.status(401).render("login", { error: "Invalid email or password" });
    return;
  }
  req.session.userId = user.id;
  const returnUrl = (req.query.returnUrl as string | undefined) ?? "/account";
  res.redirect(returnUrl);
}
