import axios from "axios";

const http = axios.create({
  baseURL: process.env.SHIPPING_API_URL,
  timeout: 5_000,
});

export async function trackParcel(id: string) {
  const { data } = await http.get(`/parcels/${encodeURIComponent(id)}`);
  return data;
}
