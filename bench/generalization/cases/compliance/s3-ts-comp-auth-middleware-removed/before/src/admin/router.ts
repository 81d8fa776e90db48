import { Router } from "express";
import { requireRole } from "../auth/requireRole";
import { listPayments, refundPayment, voidPayment } from "./payments";

export const adminRouter = Router();

adminRouter.get("/payments", requireRole("support"), listPayments);
adminRouter.post("/payments/:id/refund", requireRole("finance"), refundPayment);
adminRouter.post("/payments/:id/void", requireRole("finance"), voidPayment);
