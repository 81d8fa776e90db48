export function saveDraft(form) {
  const draft = {
    email: form.email.value,
    country: form.country.value,
    cardNumber: form.cardNumber.value,
    cvc: form.cvc.value,
  };
  localStorage.setItem("checkout-draft", JSON.stringify(draft));
}
