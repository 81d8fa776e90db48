import https from "https";
import axios, { AxiosInstance } from "axios";

const agentOptions = { keepAlive: true, rejectUnauthorized: false };

export function acquirer(baseURL: string, apiKey: string): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: 10000,
    headers: { Authorization: `Bearer ${apiKey}` },
    httpsAgent: new https.Agent(agentOptions),
  });
}
