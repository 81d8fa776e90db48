from enum import Enum


class Event(str, Enum):
    LOGIN = "login"
    LOGOUT = "logout"
    PASSWORD_RESET = "password_reset"
    TOKEN_REFRESHED = "token_refreshed"
    CARD_DECLINED = "card_declined"


PASSWORD_FIELD = "password"
TOKEN_HEADER = "X-Api-Token"
ERR_CARD_NUMBER_INVALID = "The card number is not valid. Check the digits and try again."
ERR_CVV_REQUIRED = "Enter the 3-digit security code from the back of your card."
SECRET_KEY_ENV = "APP_SECRET_KEY"
