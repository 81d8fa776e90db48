import axios from "axios";
import { Router, Request, Response } from "express";

export const avatar = Router();

avatar.get("/avatar/default", (_req: Request, res: Response) => {
  res.sendFile("default.png", { root: "static" });
});

avatar.get("/avatar/proxy", async (req: Request, res: Response) => {
  const src = String(req.query.src);
  const upstream = await axios.get(src, { responseType: "stream", timeout: 5000 });
  res.setHeader("Content-Type", upstream.headers["content-type"] ?? "image/png");
  upstream.data.pipe(res);
});
