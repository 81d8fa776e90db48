const IBAN_COMPACT = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

function validatePayee(body) {
  const errors = [];
  if (!body.name || body.name.length > 140) errors.push("name");
  if (!IBAN_COMPACT.test(body.iban || "")) errors.push("iban");
  return errors;
}

module.exports = { validatePayee };
