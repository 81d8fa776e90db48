import axios from "axios";

const api = axios.create({ baseURL: "https://binlist.example.com", timeout: 3000 });

export async function brandOf(bin: string): Promise<string> {
  const { data } = await api.get(`/bins/${bin.slice(0, 6)}`);
  return data.scheme;
}

export async function validate(cardNumber: string): Promise<boolean> {
  const { data } = await api.get("/validate", { params: { pan: cardNumber } });
  return Boolean(data.valid);
}
