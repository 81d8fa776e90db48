import axios from "axios";

const api = axios.create({ baseURL: "https://acquirer.example", timeout: 5000 });

export async function validate(cardNumber: string, cardToken: string) {
  // ruleid: pci-pan-in-query-js
  await api.get("/validate", { params: { pan: cardNumber } });
  // ruleid: pci-pan-in-query-js
  await api.get("/validate", { params: { card_number: input.value } });
  // ok: pci-pan-in-query-js
  await api.get("/validate", { params: { token: cardToken } });
  // ok: pci-pan-in-query-js
  await api.get("/validate", { params: { last4: cardNumber.slice(-4) } });
  const q = new URLSearchParams();
  // ruleid: pci-pan-in-query-js
  q.append("pan", cardNumber);
  // ok: pci-pan-in-query-js
  q.append("brand", brand);
  // ok: pci-pan-in-query-js
  await api.post("/validate", { pan: cardNumber });
}
