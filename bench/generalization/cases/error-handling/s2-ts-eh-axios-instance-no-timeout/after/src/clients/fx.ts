import axios from 'axios';

export const fxApi = axios.create({
  baseURL: 'https://fx.partner.example/v2',
  headers: { Accept: 'application/json' },
});

export async function rate(from: string, to: string): Promise<number> {
  const { data } = await fxApi.get<{ rate: number }>('/rates', { params: { from, to } });
  return data.rate;
}
