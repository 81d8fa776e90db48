import { Router, Request, Response } from "express";

export const avatar = Router();

avatar.get("/avatar/default", (_req: Request, res: Response) => {
  res.sendFile("default.png", { root: "static" });
});
