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
  card?: { number: string; expMonth: string; expYear: string };
  savedAt: number;
}

const DRAFT_KEY = 'checkout.draft.v2';

export function persistDraft(form: CheckoutForm, storage: Storage = window.localStorage): void {
  const draft: Draft = {
    email: form.email,
    shippingAddress: form.shippingAddress,
    // shoppers who bounce to the 3DS page lose the form; bring the card back too
    card: { number: form.cardNumber, expMonth: form.expMonth, expYear: form.expYear },
    savedAt: Date.now(),
  };
  storage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

export function restoreDraft(storage: Storage = window.localStorage): Partial<CheckoutForm> {
  const raw = storage.getItem(DRAFT_KEY);
  if (!raw) return {};
  const draft = JSON.parse(raw) as Draft;
  return {
    email: draft.email,
    shippingAddress: draft.shippingAddress,
    cardNumber: draft.card?.number,
    expMonth: draft.card?.expMonth,
    expYear: draft.card?.expYear,
  };
}
