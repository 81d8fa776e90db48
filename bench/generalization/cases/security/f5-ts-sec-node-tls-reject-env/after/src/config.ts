export interface AppConfig {
  payoutBaseUrl: string;
  payoutApiKey: string;
}

export function loadConfig(): AppConfig {
  const payoutApiKey = process.env.PAYOUT_API_KEY;
  if (!payoutApiKey) throw new Error('PAYOUT_API_KEY is not set');
  return { payoutBaseUrl: process.env.PAYOUT_BASE_URL ?? 'https://payouts.bank.example', payoutApiKey };
}
