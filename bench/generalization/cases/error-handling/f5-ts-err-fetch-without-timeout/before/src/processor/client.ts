const BASE_URL = process.env.PROCESSOR_URL ?? 'https://api.processor.example';
const TIMEOUT_MS = 8_000;

export class ProcessorError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function headers(): Record<string, string> {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${process.env.PROCESSOR_API_KEY ?? ''}`,
  };
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new ProcessorError(res.status, await res.text());
  return (await res.json()) as T;
}

export async function authorize(orderId: string, amountCents: number): Promise<string> {
  const { id } = await postJson<{ id: string }>('/v1/authorizations', { orderId, amountCents });
  return id;
}
