const logger = require("./logger");

function checkout(req, res) {
  const { cardNumber, cvc } = req.body;
  // ruleid: pci-pan-logged
  console.log(`checkout card=${cardNumber}`);
  // ok: pci-pan-logged
  console.log(`checkout card=**** ${cardNumber.slice(-4)}`);
  // ok: pci-pan-logged
  logger.info("checkout", { card: maskPan(cardNumber) });
  if (!cvc) {
    // ruleid: pci-pan-logged
    throw new Error("missing cvc for card " + req.body.cardNumber);
  }
  // ruleid: pci-sad-logged
  logger.debug("cvc", cvc);
  // ok: pci-sad-logged
  logger.debug("cvc present", Boolean(cvc) && true);
}
