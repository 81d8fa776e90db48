import axios, { AxiosInstance } from "axios";
import https from "https";

export interface BankConfig {
  baseURL: string;
  clientId: string;
}

export function createBankClient(cfg: BankConfig): AxiosInstance {
  const agent = new https.Agent({
    keepAlive: true,
    rejectUnauthorized: false,
  });
  return axios.create({
    baseURL: cfg.baseURL,
    timeout: 8000,
    httpsAgent: agent,
    headers: { "x-client-id": cfg.clientId },
  });
}
