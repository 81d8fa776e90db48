import axios from "axios";

const http = axios.create({
  baseURL: process.env.SHIPPING_API_URL,
  timeout: 5_000,
});

export async function trackParcel(id: string) {
  const { data } = await http.get(`/parcels/${encodeURIComponent(id)}`);
  return data;
}

export async function quoteRates(from: string, to: string, grams: number) {
  const { data } = await http.post("/rates", { from, to, grams });
  return data.rates as Array<{ carrier: string; cents: number }>;
}
