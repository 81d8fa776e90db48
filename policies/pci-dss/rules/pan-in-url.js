async function lookup(cardNumber, token) {
  // ruleid: pci-pan-in-url
  await fetch(`https://api.example.com/bin-lookup/${cardNumber}`);
  // ruleid: pci-pan-in-url
  const q = encodeURIComponent(cardNumber);
  // ok: pci-pan-in-url
  await fetch("https://api.example.com/bin-lookup", { method: "POST", body: JSON.stringify({ cardNumber }) });
  // ok: pci-pan-in-url
  await fetch(`https://api.example.com/cards/${token}`);
  return q;
}
