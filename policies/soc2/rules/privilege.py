from dataclasses import dataclass

import boto3
from django.db import models
from sqlalchemy import Boolean, Column, String


class Member(models.Model):
    # ruleid: soc2-cc6.3-privilege-default
    is_admin = models.BooleanField(default=True)
    # ok: soc2-cc6.3-privilege-default
    is_active = models.BooleanField(default=True)
    # ruleid: soc2-cc6.3-privilege-default
    role = models.CharField(max_length=20, default="admin")
    # ok: soc2-cc6.3-privilege-default
    plan = models.CharField(max_length=20, default="admin")


class Operator(Base):
    # ok: soc2-cc6.3-privilege-default
    is_staff = Column(Boolean, default=False)
    # ok: soc2-cc6.3-privilege-default
    role = Column(String, default="viewer")


@dataclass
class Invite:
    email: str
    # ruleid: soc2-cc6.3-privilege-default
    is_superuser: bool = True


def seed(User):
    # ruleid: soc2-cc6.3-privilege-default
    User.objects.create(username="ops", email="ops@example.com", is_superuser=True)
    # ok: soc2-cc6.3-privilege-default
    User.objects.create(username="ops", email="ops@example.com", is_superuser=False)


def provision(cursor, db_user):
    # ruleid: soc2-cc6.3-privilege-default
    cursor.execute(f"GRANT ALL PRIVILEGES ON DATABASE payments TO {db_user}")
    # ok: soc2-cc6.3-privilege-default
    cursor.execute(f"GRANT SELECT, INSERT ON orders TO {db_user}")


iam = boto3.client("iam")
# ruleid: soc2-cc6.3-privilege-default
policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
# ok: soc2-cc6.3-privilege-default
scoped = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::receipts/*"}]}
