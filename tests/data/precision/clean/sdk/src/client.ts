// A payments SDK client written without semicolons, as many TypeScript projects are.
import axios from 'axios'

export interface CardTokenRequest {
  cardToken: string
  amount: number
}

export const PASSWORD_RESET_ROUTE = '/password-reset'
export const CARD_PIN_ROUTE = '/cards/:id/pin'

export class PaymentsClient {
  constructor(private readonly baseUrl: string) {}

  async charge(request: CardTokenRequest) {
    const response = await axios.post(`${this.baseUrl}/charges`, request)
    return response.data
  }

  async refund(chargeId: string) {
    const response = await axios.post(`${this.baseUrl}/charges/${chargeId}/refund`)
    return response.data
  }

  describe(items: string[]) {
    return items.map((item) => item.trim()).join(', ')
  }
}
