export const messages = {
  welcome: "Welcome back",
  cardNumberInvalid: "That card number doesn't look right.",
  cvvMissing: "Enter the security code (CVV) printed on your card.",
  passwordTooShort: "Your password must be at least 12 characters.",
  tokenExpired: "Your session token has expired. Please sign in again.",
};

export enum AuthEvent {
  PasswordReset = "password_reset",
  TokenRevoked = "token_revoked",
}
