async function saveCard(db, body) {
  const { cardNumber, cvc } = body;
  // ruleid: pci-pan-stored-cleartext
  await db.collection("cards").insertOne({ pan: cardNumber, owner: body.owner });
  // ok: pci-pan-stored-cleartext
  await db.collection("cards").insertOne({ token: await vault.tokenize(cardNumber), owner: body.owner });
  // ruleid: pci-sad-stored
  localStorage.setItem("cvc", cvc);
  // ok: pci-sad-stored
  localStorage.setItem("theme", body.theme);
  // ruleid: pci-pan-stored-cleartext
  localStorage.setItem("lastCard", body.cardNumber);
  // ok: pci-pan-stored-cleartext
  localStorage.setItem("lastCard", body.cardNumber.slice(-4));
}
