import cors from "cors";
import express from "express";
import { accountRouter } from "./accounts/router";

export function buildApp() {
  const app = express();
  app.use(
    cors({
      origin: (_origin, callback) => callback(null, true),
      credentials: true,
    }),
  );
  app.use(express.json());
  app.use("/accounts", accountRouter);
  return app;
}
