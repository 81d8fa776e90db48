import xml.etree.ElementTree as ET

import boto3
from boto3.dynamodb.conditions import Attr
from flask import request
from lxml import etree

CATALOG = ET.parse("catalog.xml").getroot()
orders = boto3.resource("dynamodb").Table("orders")


def book_titles(author):
    # ruleid: sec-xpath-injection
    return [b.text for b in CATALOG.findall(".//book[@author='" + author + "']/title")]


def invoice_lines(doc, invoice_id):
    tree = etree.fromstring(doc)
    query = "//invoice[@id='%s']/line" % invoice_id
    # ruleid: sec-xpath-injection
    return tree.xpath(query)


def staff_by_team():
    team = request.args["team"]
    root = etree.parse("staff.xml")
    # ruleid: sec-xpath-injection
    return root.xpath(f"//person[contains(@team, '{team}')]/@email")


def invoice_lines_bound(doc, invoice_id):
    tree = etree.fromstring(doc)
    # ok: sec-xpath-injection
    return tree.xpath("//invoice[@id=$inv]/line", inv=invoice_id)


def section(doc, name):
    # ok: sec-xpath-injection
    return [child for child in CATALOG.findall(".//section") if child.get("name") == name]


def chapter_path(base, n):
    # ok: sec-xpath-injection
    return CATALOG.find(base + "/chapter")


def open_orders(customer_id, status):
    return orders.scan(
        # ruleid: sec-nosql-expression-injection
        FilterExpression="customer_id = :c AND " + status,
        ExpressionAttributeValues={":c": customer_id},
    )


def orders_since(client, field, since):
    return client.query(
        TableName="orders",
        # ruleid: sec-nosql-expression-injection
        KeyConditionExpression=f"{field} >= :since",
        ExpressionAttributeValues={":since": {"S": since}},
    )


def orders_by_status(customer_id, status):
    return orders.query(
        # ok: sec-nosql-expression-injection
        KeyConditionExpression="customer_id = :c",
        # ok: sec-nosql-expression-injection
        FilterExpression=Attr("status").eq(status),
        ExpressionAttributeValues={":c": customer_id},
    )
