import { analytics } from '../lib/analytics.js';
import { api } from '../lib/api.js';

export async function submitCheckout(form, cart) {
  const values = Object.fromEntries(new FormData(form));
  const res = await api.post('/payments', {
    cartId: cart.id,
    amount: cart.totalMinor,
    card: { number: values.cardNumber, expiry: values.expiry, cvc: values.cvc },
    billingPostcode: values.postcode,
  });
  if (res.status === 'requires_action') {
    window.location.assign(res.redirectUrl);
    return res;
  }
  analytics.track('checkout_completed', { cartId: cart.id, paymentId: res.id });
  return res;
}
