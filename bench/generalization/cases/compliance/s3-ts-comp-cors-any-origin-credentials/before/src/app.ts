import cors from "cors";
import express from "express";
import { accountRouter } from "./accounts/router";

const ALLOWED_ORIGINS = ["https://app.examplebank.com"];

export function buildApp() {
  const app = express();
  app.use(
    cors({
      origin: ALLOWED_ORIGINS,
      credentials: true,
    }),
  );
  app.use(express.json());
  app.use("/accounts", accountRouter);
  return app;
}
