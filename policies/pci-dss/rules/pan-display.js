function showCard(res, order, el) {
  // ruleid: pci-pan-unmasked-display
  el.textContent = `Paid with ${order.cardNumber}`;
  // ok: pci-pan-unmasked-display
  el.textContent = `Paid with **** ${order.cardNumber.slice(-4)}`;
  // ruleid: pci-pan-unmasked-display
  res.json({ id: order.id, pan: order.pan });
  // ok: pci-pan-unmasked-display
  res.json({ id: order.id, pan: maskPan(order.pan) });
}

function mask(cardNumber, title) {
  // ruleid: pci-pan-mask-too-wide-js
  const shown = cardNumber.slice(-6);
  // ok: pci-pan-mask-too-wide-js
  const last4 = cardNumber.slice(-4);
  // ruleid: pci-pan-mask-too-wide-js
  const first = cardNumber.substring(0, 12);
  // ok: pci-pan-mask-too-wide-js
  const bin = cardNumber.substring(0, 6) + title.substring(0, 40);
  return [shown, last4, first, bin];
}
