from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Connection

TABLE = "settlements"
COLUMNS = ("id", "merchant", "amount", "day")
