export interface CheckoutForm {
  email: string;
  shippingAddress: string;
  cardNumber: string;
  expMonth: string;
  expYear: string;
  cvc: string;
}

interface Draft {
  email: string;
  shippingAddress: string;
  savedAt: number;
}

const DRAFT_KEY = 'checkout.draft.v1';

export function persistDraft(form: CheckoutForm, storage: Storage = window.localStorage): void {
  const draft: Draft = {
    email: form.email,
    shippingAddress: form.shippingAddress,
    savedAt: Date.now(),
  };
  storage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

export function restoreDraft(storage: Storage = window.localStorage): Partial<CheckoutForm> {
  const raw = storage.getItem(DRAFT_KEY);
  return raw ? (JSON.parse(raw) as Partial<CheckoutForm>) : {};
}
