export function saveDraft(form) {
  const draft = { email: form.email.value, country: form.country.value };
  sessionStorage.setItem("checkout-draft", JSON.stringify(draft));
}
