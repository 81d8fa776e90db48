export const config = {
  port: Number(process.env.PORT ?? 3000),
  currency: process.env.CURRENCY ?? "EUR",
  stripeSecret: process.env.STRIPE_SECRET_KEY ?? "sk_live_51MzT4xQe8Rk2LpV7nYbW3cJd9HsA0fGuZ6",
};
