import axios, { AxiosInstance } from "axios";

export function acquirer(baseURL: string, apiKey: string): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: 10000,
    headers: { Authorization: `Bearer ${apiKey}` },
  });
}
