import axios, { AxiosInstance } from "axios";

export interface BankConfig {
  baseURL: string;
  clientId: string;
}

export function createBankClient(cfg: BankConfig): AxiosInstance {
  return axios.create({
    baseURL: cfg.baseURL,
    timeout: 8000,
    headers: { "x-client-id": cfg.clientId },
  });
}
