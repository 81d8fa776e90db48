from enum import Enum


class Event(str, Enum):
    LOGIN = "login"
    LOGOUT = "logout"
