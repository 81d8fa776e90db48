from flask import Blueprint, jsonify, request

from hooks.service import WebhookService

bp = Blueprint("hooks", __name__)
service = WebhookService()
