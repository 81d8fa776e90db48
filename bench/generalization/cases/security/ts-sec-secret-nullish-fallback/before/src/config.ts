export const config = {
  port: Number(process.env.PORT ?? 3000),
  currency: process.env.CURRENCY ?? "EUR",
};
