const IBAN_GROUPED = /^[A-Z]{2}\d{2}( ?([A-Z0-9]+ ?)+)*$/;

function validatePayee(body) {
  const errors = [];
  if (!body.name || body.name.length > 140) errors.push("name");
  if (!IBAN_GROUPED.test(String(body.iban || "").toUpperCase())) errors.push("iban");
  return errors;
}

module.exports = { validatePayee };
